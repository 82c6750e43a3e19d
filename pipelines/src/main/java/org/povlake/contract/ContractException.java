package org.povlake.contract;

/** A schema file that does not load, or a contract lookup that fails. */
public class ContractException extends RuntimeException {
    public ContractException(String message) {
        super(message);
    }

    public ContractException(String message, Throwable cause) {
        super(message, cause);
    }
}

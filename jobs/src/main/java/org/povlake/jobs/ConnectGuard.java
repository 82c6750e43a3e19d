package org.povlake.jobs;

import org.apache.spark.connect.proto.ConfigRequest;
import org.sparkproject.connect.grpc.ForwardingServerCallListener;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;

/**
 * The server's gRPC gate ({@code spark.connect.grpc.interceptor.classes}), after Spark's own token
 * check: refuses what no plan check could see — uploading classes or jars ({@code AddArtifacts}:
 * code to run in the server) and changing the session's configuration ({@code Config} set / unset);
 * reading the configuration stays allowed.
 */
public final class ConnectGuard implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        if ("AddArtifacts".equals(method)) {
            call.close(
                    Status.PERMISSION_DENIED.withDescription(
                            "refused: uploading classes or jars — this server only answers queries"),
                    new Metadata());
            return new ServerCall.Listener<>() {};
        }
        ServerCall.Listener<Q> delegate = next.startCall(call, headers);
        if (!"Config".equals(method)) {
            return delegate;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            private boolean closed;

            @Override
            public void onMessage(Q message) {
                if (message instanceof ConfigRequest req
                        && (req.getOperation().hasSet() || req.getOperation().hasUnset())) {
                    closed = true;
                    call.close(
                            Status.PERMISSION_DENIED.withDescription(
                                    "refused: a configuration change (SET / RESET) — this server"
                                            + " only answers queries"),
                            new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!closed) {
                    super.onHalfClose();
                }
            }
        };
    }
}

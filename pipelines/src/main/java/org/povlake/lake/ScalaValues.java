package org.povlake.lake;

import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/** Java collections as the Scala ones Spark's Row encoders expect for array and map columns. */
public final class ScalaValues {
    private ScalaValues() {}

    public static Object seq(List<?> list) {
        return list == null ? null : CollectionConverters.asScala(list).toSeq();
    }

    public static Object map(Map<?, ?> map) {
        return map == null ? null : CollectionConverters.asScala(map);
    }
}

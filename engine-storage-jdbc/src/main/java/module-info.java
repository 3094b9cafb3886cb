/**
 * The grouped write path of flowengine's SQL stores: {@code io.flowengine.jdbc.GroupCommit}. Not an
 * API for applications: the package is exported only to the store modules that build on it (each
 * SQL store adds itself here), which keeps it out of a host's reach on the module path.
 */
// "module": the modules it is exported to are compiled after it, so javac cannot find them here.
@SuppressWarnings("module")
module io.flowengine.jdbc {
  requires transitive io.flowengine;
  requires transitive java.sql;
  requires org.slf4j;

  exports io.flowengine.jdbc to
      io.flowengine.h2,
      io.flowengine.postgres;
}

package djkg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts a Neo4j 5 Community DBMS in DATA_DIR with Bolt on 127.0.0.1:PORT and keeps it up until killed
 * (SIGTERM/SIGINT shut it down cleanly through a shutdown hook).
 * Auth is enabled; user neo4j gets the password from the environment variable DJKG_NEO4J_PASSWORD (kept off
 * the command line, where other local users could read it) or, failing that, from the third argument.
 * Prints "READY bolt://127.0.0.1:PORT" once the password is set and Bolt accepts connections.
 * Usage: DJKG_NEO4J_PASSWORD=… java -cp 'lib/*:neo4j-launcher-1.0.jar' djkg.Launcher DATA_DIR PORT [PASSWORD]
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        String password = System.getenv("DJKG_NEO4J_PASSWORD");
        if (args.length == 3) {
            password = args[2];
        }
        if (args.length < 2 || args.length > 3 || password == null || password.length() < 8) {
            System.err.println("usage: DJKG_NEO4J_PASSWORD=<8+ chars> Launcher DATA_DIR PORT [PASSWORD]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
                .build();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            done.countDown();
        }, "djkg-neo4j-shutdown"));
        dbms.database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        done.await();
    }
}

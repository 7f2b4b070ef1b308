package dev.clusterspec.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real smart-HTTP git server for tests: the JDK's HTTP server on 127.0.0.1 (a free port) runs
 * C git's {@code git http-backend} as a CGI program for every request, behind HTTP Basic auth.
 * So pushes meet real C git rules (fast-forward checks, hooks, ref locking), not JGit's own.
 *
 * <p>Repositories live in a project root as {@code <name>.git} and are served at
 * {@code http://127.0.0.1:<port>/git/<name>.git}. Hooks let a test act between the steps of a push,
 * e.g. let another writer move the branch after the client fetched but before it pushes.
 */
public final class GitHttpServer implements AutoCloseable {

    private record Account(String token, boolean canPush) {
    }

    private final Path projectRoot;
    private final Path backend;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "git-http-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    private volatile Runnable beforeReceivePackAdvertisement = () -> {
    };
    private volatile Runnable beforeReceivePack = () -> {
    };

    private GitHttpServer(Path projectRoot) throws IOException {
        this.projectRoot = projectRoot;
        this.backend = Path.of(CGit.run(projectRoot, "--exec-path").strip(), "git-http-backend");
        if (!Files.isExecutable(backend)) {
            throw new IllegalStateException("C git's http-backend is missing at " + backend
                    + " (install the Debian/Ubuntu 'git' package)");
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/git/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a server whose repositories live in {@code projectRoot}. */
    public static GitHttpServer start(Path projectRoot) throws IOException {
        return new GitHttpServer(projectRoot);
    }

    /** Allows {@code user} with {@code token}; {@code canPush} false makes it a read-only account. */
    public void addUser(String user, String token, boolean canPush) {
        accounts.put(user, new Account(token, canPush));
    }

    /** Creates an empty bare repository whose HEAD is {@code main}, as hosting services do. */
    public Path createBareRepository(String name) {
        CGit.run(projectRoot, "init", "-q", "--bare", "-b", "main", name + ".git");
        return repository(name);
    }

    public Path repository(String name) {
        return projectRoot.resolve(name + ".git");
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/git/" + name + ".git";
    }

    /** Runs before the server lists its refs to a pushing client, i.e. after that client's fetch. */
    public void beforeReceivePackAdvertisement(Runnable hook) {
        this.beforeReceivePackAdvertisement = hook;
    }

    /** Runs when the pack and the ref updates of a push arrive, before C git applies them. */
    public void beforeReceivePack(Runnable hook) {
        this.beforeReceivePack = hook;
    }

    /** "METHOD path?query -> status" for every request so far. */
    public List<String> requests() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    /** True when a client sent ref updates (a push) to the server. */
    public boolean receivedPush() {
        return requests().stream().anyMatch(r -> r.startsWith("POST ") && r.contains("/git-receive-pack "));
    }

    /** Stops the server; its port is closed afterwards, which is what an unreachable server looks like. */
    public void stop() {
        // let running backends finish (a client may have read its answer before the backend exited);
        // HttpServer.stop(delay) of JDK 17 would wait the whole delay even when idle
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            serve(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        int status;
        try (exchange) {
            String user = authenticatedUser(exchange);
            boolean pushService = path.endsWith("/git-receive-pack") || "service=git-receive-pack".equals(query);
            if (user == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                status = reply(exchange, 401, "authentication required\n");
            } else if (pushService && !accounts.get(user).canPush()) {
                status = reply(exchange, 403, "push not permitted for " + user + "\n");
            } else {
                if (pushService && "GET".equals(method)) {
                    beforeReceivePackAdvertisement.run();
                } else if (pushService && "POST".equals(method)) {
                    beforeReceivePack.run();
                }
                status = runBackend(exchange, user, path.substring("/git".length()), query);
            }
        } catch (RuntimeException e) {
            // the client sees a broken response; the test that caused it fails on its own terms
            status = 500;
        }
        requestLog.add(method + " " + path + (query == null ? "" : "?" + query) + " -> " + status);
    }

    private String authenticatedUser(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        Account account = accounts.get(user);
        return account != null && account.token().equals(decoded.substring(colon + 1)) ? user : null;
    }

    private static int reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        return status;
    }

    /** Runs git http-backend as CGI: request to its stdin, CGI headers and body from its stdout. */
    private int runBackend(HttpExchange exchange, String user, String pathInfo, String query) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(backend.toString());
        Map<String, String> env = builder.environment();
        CGit.isolate(env, projectRoot);
        env.put("GIT_PROJECT_ROOT", projectRoot.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("REMOTE_USER", user);
        env.put("REMOTE_ADDR", "127.0.0.1");
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_PROTOCOL", "HTTP/1.1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", pathInfo);
        env.put("QUERY_STRING", query == null ? "" : query);
        putHeader(env, "CONTENT_TYPE", exchange, "Content-Type");
        putHeader(env, "CONTENT_LENGTH", exchange, "Content-Length");
        putHeader(env, "HTTP_CONTENT_ENCODING", exchange, "Content-Encoding");
        putHeader(env, "GIT_PROTOCOL", exchange, "Git-Protocol");
        builder.redirectError(ProcessBuilder.Redirect.appendTo(projectRoot.resolve("http-backend.log").toFile()));
        Process process = builder.start();

        Thread feeder = new Thread(() -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = process.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the backend may close its input early on errors; its reply says what went wrong
            }
        }, "git-http-backend-stdin");
        feeder.start();

        try (InputStream out = process.getInputStream()) {
            int status = 200;
            for (String line : readCgiHeaders(out)) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ")[0]);
                } else {
                    exchange.getResponseHeaders().add(name, value);
                }
            }
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                out.transferTo(body);
            }
            process.waitFor(60, TimeUnit.SECONDS);
            feeder.join(TimeUnit.SECONDS.toMillis(60));
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    private static void putHeader(Map<String, String> env, String variable, HttpExchange exchange, String header) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
            env.put(variable, value);
        }
    }

    /** Header lines up to the first empty line; CGI programs may end lines with LF or CRLF. */
    private static List<String> readCgiHeaders(InputStream in) throws IOException {
        List<String> headers = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    break;
                }
                headers.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return headers;
    }
}

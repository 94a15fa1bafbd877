package no.folkevalgt.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second host for tests: a network namespace of this test run, joined to this machine by a veth
 * pair on a private /30, with curl as its client. A request from it reaches the server from a
 * non-loopback address, as a council member's phone would. Needs root and iproute2; {@link #create()}
 * is empty where the namespace cannot be made. Traffic stays between this machine and its own
 * namespace.
 */
final class NetnsClient implements AutoCloseable {

    private final String namespace;
    private final String hostLink;
    final String hostAddress;

    private NetnsClient(String namespace, String hostLink, String hostAddress) {
        this.namespace = namespace;
        this.hostLink = hostLink;
        this.hostAddress = hostAddress;
    }

    static Optional<NetnsClient> create() {
        long pid = ProcessHandle.current().pid();
        String ns = "fvweb" + pid;
        String host = "fvh" + (pid % 100000);
        String peer = "fvn" + (pid % 100000);
        int subnet = (int) (pid % 250) + 1;
        String hostIp = "10.252." + subnet + ".1";
        String peerIp = "10.252." + subnet + ".2";
        try {
            run("ip", "netns", "add", ns);
            run("ip", "link", "add", host, "type", "veth", "peer", "name", peer);
            run("ip", "link", "set", peer, "netns", ns);
            run("ip", "addr", "add", hostIp + "/30", "dev", host);
            run("ip", "link", "set", host, "up");
            run("ip", "netns", "exec", ns, "ip", "addr", "add", peerIp + "/30", "dev", peer);
            run("ip", "netns", "exec", ns, "ip", "link", "set", peer, "up");
            run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            return Optional.of(new NetnsClient(ns, host, hostIp));
        } catch (IOException | InterruptedException e) {
            quietly("ip", "link", "del", host);
            quietly("ip", "netns", "del", ns);
            return Optional.empty();
        }
    }

    /** GETs a URL from inside the namespace; returns the status code and the body. */
    Response get(String url, String... headers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "curl", "-s", "--max-time", "10",
                "-o", "-", "-w", "\n%{http_code}"));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        String out = run(command.toArray(String[]::new));
        int cut = out.lastIndexOf('\n');
        return new Response(Integer.parseInt(out.substring(cut + 1).strip()), out.substring(0, cut));
    }

    record Response(int status, String body) {
    }

    @Override
    public void close() {
        quietly("ip", "link", "del", hostLink);
        quietly("ip", "netns", "del", namespace);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void quietly(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            /* nothing to clean */
        }
    }
}

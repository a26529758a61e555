package org.physml.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution engine for {@link TestRunner}: the JVM that runs the student's code
 * ({@link TestAgent}, JShell's remote agent) is started in a nested
 * bubblewrap PID namespace, so that nothing the student's code starts can see, signal, trace or read the memory
 * or the pipes of the controller that compiles the tests and decides whether they passed. The two talk over one
 * loopback TCP connection; the controller accepts exactly one connection (the agent's, made before any student
 * code runs) and closes its listening socket. When the agent ends (System.exit, crash, or killed after a
 * timeout), every process it started ends with it (the agent is PID 1 of its namespace).
 */
final class SandboxedAgent implements ExecutionControlProvider {
    private final List<String> vmOptions;
    private final String classpath;
    private final boolean nested;
    private volatile Process process;

    /**
     * @param vmOptions options of the agent JVM (heap, GC, ...)
     * @param classpath the course class path for the agent
     * @param nested    whether to start the agent in a nested bwrap PID namespace (false when not sandboxed)
     */
    SandboxedAgent(List<String> vmOptions, String classpath, boolean nested) {
        this.vmOptions = List.copyOf(vmOptions);
        this.classpath = classpath;
        this.nested = nested;
    }

    @Override
    public String name() {
        return "physml-sandboxed-agent";
    }

    /** Kill the current agent and everything it started (after a timeout). */
    void kill() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> cmd = new ArrayList<>();
            if (nested) {
                cmd.addAll(List.of("bwrap", "--dev-bind", "/", "/", "--unshare-pid", "--die-with-parent",
                        "--as-pid-1", "--new-session", "--proc", "/proc", "--"));
            }
            cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(vmOptions);
            cmd.addAll(List.of("-cp", classpath, TestAgent.class.getName(),
                    Integer.toString(server.getLocalPort())));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process = p;
            server.setSoTimeout(120_000);
            Socket socket = server.accept();
            Map<String, OutputStream> outputs = Map.of("out", env.userOut(), "err", env.userErr());
            Map<String, InputStream> inputs = Map.of("in", InputStream.nullInputStream());
            return Util.remoteInputOutput(socket.getInputStream(), socket.getOutputStream(), outputs, inputs,
                    (objIn, objOut) -> new StreamingExecutionControl(objOut, objIn) {
                        @Override
                        public void close() {
                            try {
                                super.close();
                            } finally {
                                kill();
                                try {
                                    socket.close();
                                } catch (IOException e) {
                                    // closing anyway
                                }
                            }
                        }
                    });
        }
    }
}

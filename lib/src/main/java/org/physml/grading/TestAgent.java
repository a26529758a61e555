package org.physml.grading;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The JVM that runs a student's code for {@link TestRunner} (started by {@link SandboxedAgent}): JShell's remote
 * agent, connected to the controller over one loopback socket, with one change: it refuses to redefine classes.
 * {@link RemoteExecutionControl} leaves redefinition to a JDI debugger and reports success without one; JShell then
 * believes that a method declared before a class it uses was recompiled while the JVM keeps the stub that throws
 * "unresolved reference". Refused, JShell loads such a declaration as a new class, as with its local engine.
 */
public final class TestAgent extends RemoteExecutionControl {

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException {
        throw new NotImplementedException("redefine not supported");
    }

    /** {@code TestAgent PORT}: connect to the controller on the loopback interface and serve it. */
    public static void main(String[] args) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(new PrintStream(st, true)));
        outputs.put("err", st -> System.setErr(new PrintStream(st, true)));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        Util.forwardExecutionControlAndIO(new TestAgent(), in, out, outputs, inputs);
    }
}

package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;

/**
 * The shared state of the patched {@link Channels} (no socket is bound): the handler lookup before
 * {@code connect}, and a control request (interrupt) that must leave the running cell's message id and
 * after-actions (its execute_reply, its idle status) alone.
 */
class ChannelsTest {

    private Channels channels;

    @BeforeEach
    void create() throws Exception {
        channels = new Channels(new ConnectionProperties(0, 0, "tcp", "hmac-sha256", 0, 0, "127.0.0.1", 0, "key"));
    }

    @AfterEach
    void close() {
        channels.close();
    }

    @Test
    void aRequestBeforeConnectFindsNoHandlerInsteadOfANullMap() {
        assertNull(channels.getHandler(MessageType.SHELL_EXECUTE_REQUEST));
    }

    @Test
    void aControlRequestKeepsItsOwnMessageIdAndAfterActions() {
        List<String> sent = new ArrayList<>();
        channels.setMsgId(new MessageId<>(List.of(), null));
        // what handleExecuteRequest schedules while a cell runs: free the id, send the reply
        channels.scheduleAfter(() -> sent.add("cell: execute_reply"));
        channels.scheduleAfter(channels::freeMsgId);

        channels.handleControl(new MessageId<>(List.of(), null), () -> {
            assertTrue(channels.hasMsgId(), "the control request has its message id");
            channels.scheduleAfter(() -> sent.add("interrupt: idle"));
            channels.scheduleAfter(channels::freeMsgId);
        });

        assertEquals(List.of("interrupt: idle"), sent, "only the control request's after-actions ran");
        assertTrue(channels.hasMsgId(), "the cell's message id survives the control request");
        channels.runAfterActions();
        assertEquals(List.of("interrupt: idle", "cell: execute_reply"), sent);
        assertFalse(channels.hasMsgId());
    }

    @Test
    void aControlRequestSeesItsOwnIdEvenWhenNoCellRuns() {
        channels.handleControl(new MessageId<>(List.of(), null), () -> assertTrue(channels.hasMsgId()));
        assertFalse(channels.hasMsgId(), "the idle shell has no message id afterwards");
    }
}

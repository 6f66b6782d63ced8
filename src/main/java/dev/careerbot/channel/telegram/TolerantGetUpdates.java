package dev.careerbot.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A {@code getUpdates} call whose answer cannot wedge polling.
 *
 * <p>The library reads a whole batch of updates at once: one update it cannot read (a field of a
 * type it does not expect, from a newer Bot API or another server) fails the batch, the offset
 * never moves past it and the bot is stuck on it for good. This call reads a failed batch again
 * update by update; an unreadable update is logged and handed on with only its id, so the offset
 * still moves past it.
 */
final class TolerantGetUpdates extends GetUpdates {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TolerantGetUpdates.class);
    private static final ObjectMapper LENIENT =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    TolerantGetUpdates(int offset, int limit, int timeoutSeconds, List<String> allowedUpdates) {
        super(offset, limit, timeoutSeconds, allowedUpdates);
    }

    /**
     * The generator the long-polling session calls before each poll. The library passes the last
     * update id it has seen and would confirm everything up to it; the offset comes from
     * {@code offsets} instead, which confirms only what is answered.
     */
    static Function<Integer, GetUpdates> generator(int timeoutSeconds, List<String> allowedUpdates,
            IntSupplier offsets) {
        List<String> allowed = List.copyOf(allowedUpdates);
        return lastSeen -> new TolerantGetUpdates(offsets.getAsInt(), 100, timeoutSeconds, allowed);
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        try {
            return super.deserializeResponse(answer);
        } catch (TelegramApiRequestException e) {
            return readOneByOne(answer, e);
        }
    }

    private static ArrayList<Update> readOneByOne(String answer, TelegramApiRequestException original)
            throws TelegramApiRequestException {
        JsonNode result;
        try {
            JsonNode root = LENIENT.readTree(answer);
            result = root.path("result");
            if (!root.path("ok").asBoolean(false) || !result.isArray()) {
                throw original;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw original;
        }
        ArrayList<Update> updates = new ArrayList<>();
        for (JsonNode node : result) {
            try {
                updates.add(LENIENT.treeToValue(node, Update.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                        ? json.getOriginalMessage()
                        : e.getMessage();
                JsonNode id = node.path("update_id");
                if (!id.canConvertToInt()) {
                    LOG.warn("Skipped an update without a readable update_id");
                    continue;
                }
                LOG.warn("Skipped update {} that could not be read: {}", id.asInt(), reason);
                Update placeholder = new Update();
                placeholder.setUpdateId(id.asInt());
                updates.add(placeholder);
            }
        }
        return updates;
    }
}

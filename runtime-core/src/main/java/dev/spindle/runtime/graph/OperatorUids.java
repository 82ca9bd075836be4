package dev.spindle.runtime.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives every node of a stream graph its operator uid: the user's, or a default derived from the
 * operator kind and the uids of its inputs (its position in the pipeline), so the same program
 * gets the same uids in every run and state finds its operator again after a restart.
 */
final class OperatorUids {

    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    /** Called in topological order, so the inputs of {@code node} already have their uids. */
    void assign(StreamNode node, String userUid) {
        String uid = userUid;
        if (uid == null) {
            String inputs = node.getInEdges().stream().map(e -> e.source().getUid()).collect(Collectors.joining(","));
            String position = node.getOperator().getClass().getName() + "(" + inputs + ")";
            int n = occurrences.merge(position, 1, Integer::sum);
            uid = "auto-" + sha256(position + "#" + n).substring(0, 16);
        }
        if (!used.add(uid)) {
            throw new IllegalStateException("Operator uid '" + uid + "' is used twice (second time by '" + node.getName()
                    + "'); every operator needs its own uid(...)");
        }
        node.setUid(uid);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.podkit.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The equivalence under which a pod document survives read → write: key order, {@code null}
 * members and empty arrays/objects (all "absent" in the pod format), number spelling ({@code 1} vs
 * {@code 1.0}) and the case of enum values (written canonically) do not count. Everything else
 * does. Members at {@code dropped} JSON pointers (unknown fields the reader warned about) are
 * removed from the input first.
 */
final class JsonEquivalence {
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** Members whose string values are enums (read case-insensitively, written canonically). */
  private static final Set<String> ENUM_MEMBERS =
      Set.of("kind", "mode", "operator", "killSelection", "scheme", "type", "unreachableStrategy");

  private JsonEquivalence() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code node} in canonical form, without the members at {@code dropped} pointers. */
  static JsonNode canonical(JsonNode node, Set<String> dropped) {
    return canonical(node, "", null, dropped);
  }

  private static JsonNode canonical(JsonNode node, String pointer, String member, Set<String> dropped) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String childPointer = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (dropped.contains(childPointer) || e.getValue().isNull()) {
          continue;
        }
        JsonNode child = canonical(e.getValue(), childPointer, e.getKey(), dropped);
        if (child.isContainerNode() && child.isEmpty()) {
          continue;
        }
        out.set(e.getKey(), child);
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(canonical(node.get(i), pointer + "/" + i, null, dropped));
      }
      return out;
    }
    if (node.isNumber()) {
      return JsonNodeFactory.instance.textNode("number:" + node.decimalValue().stripTrailingZeros().toPlainString());
    }
    if (node.isTextual() && member != null && ENUM_MEMBERS.contains(member)) {
      return JsonNodeFactory.instance.textNode(node.asText().toLowerCase(Locale.ROOT));
    }
    return node;
  }
}

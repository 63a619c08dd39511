package io.podkit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON Schema 2020-12 validator for exactly the keywords {@link PodSchema} uses, so the tests can
 * check documents against the schema without a validator library. It refuses any other keyword: a
 * keyword it would silently ignore could hide a schema that validates nothing.
 */
final class SchemaCheck {
  private static final Set<String> KNOWN = Set.of("$schema", "title", "description", "default", "format", "$defs",
      "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "const", "oneOf", "anyOf",
      "minimum", "maximum", "minItems", "minLength", "maxLength", "pattern", "propertyNames");

  private final JsonObject root;

  SchemaCheck(JsonObject root) {
    this.root = root;
  }

  /** Every error of {@code instance}, each with its JSON pointer; empty if it is valid. */
  List<String> errors(JsonElement instance) {
    List<String> errors = new ArrayList<>();
    check(root, instance, "", errors);
    return errors;
  }

  private void check(JsonObject schema, JsonElement value, String at, List<String> errors) {
    for (String keyword : schema.keySet()) {
      if (!KNOWN.contains(keyword)) {
        throw new IllegalStateException("keyword " + keyword + " not supported by the test validator (at " + at + ")");
      }
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").getAsString();
      if (!ref.startsWith("#/$defs/")) {
        throw new IllegalStateException("unsupported $ref " + ref);
      }
      JsonObject target = root.getAsJsonObject("$defs").getAsJsonObject(ref.substring("#/$defs/".length()));
      if (target == null) {
        throw new IllegalStateException("dangling $ref " + ref);
      }
      check(target, value, at, errors);
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      errors.add(at + ": expected type " + schema.get("type") + ", found " + value);
      return;
    }
    if (schema.has("enum") && !contains(schema.getAsJsonArray("enum"), value)) {
      errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      errors.add(at + ": expected " + schema.get("const") + ", found " + value);
    }
    if (value.isJsonObject()) {
      object(schema, value.getAsJsonObject(), at, errors);
    }
    if (value.isJsonArray()) {
      JsonArray array = value.getAsJsonArray();
      if (schema.has("minItems") && array.size() < schema.get("minItems").getAsInt()) {
        errors.add(at + ": fewer than " + schema.get("minItems") + " items");
      }
      if (schema.has("items")) {
        for (int i = 0; i < array.size(); i++) {
          check(schema.getAsJsonObject("items"), array.get(i), at + "/" + i, errors);
        }
      }
    }
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      string(schema, value.getAsString(), at, errors);
    }
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
      BigDecimal n = value.getAsBigDecimal();
      if (schema.has("minimum") && n.compareTo(schema.get("minimum").getAsBigDecimal()) < 0) {
        errors.add(at + ": " + n + " is below " + schema.get("minimum"));
      }
      if (schema.has("maximum") && n.compareTo(schema.get("maximum").getAsBigDecimal()) > 0) {
        errors.add(at + ": " + n + " is above " + schema.get("maximum"));
      }
    }
    if (schema.has("oneOf")) {
      int matching = 0;
      for (JsonElement variant : schema.getAsJsonArray("oneOf")) {
        if (valid(variant.getAsJsonObject(), value, at)) {
          matching++;
        }
      }
      if (matching != 1) {
        errors.add(at + ": matches " + matching + " of the oneOf variants, not exactly 1");
      }
    }
    if (schema.has("anyOf")) {
      boolean any = false;
      for (JsonElement variant : schema.getAsJsonArray("anyOf")) {
        any |= valid(variant.getAsJsonObject(), value, at);
      }
      if (!any) {
        List<String> why = new ArrayList<>();
        for (JsonElement variant : schema.getAsJsonArray("anyOf")) {
          check(variant.getAsJsonObject(), value, at, why);
        }
        errors.add(at + ": matches none of the anyOf variants: " + why);
      }
    }
  }

  private void object(JsonObject schema, JsonObject o, String at, List<String> errors) {
    JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
    if (schema.has("required")) {
      for (JsonElement name : schema.getAsJsonArray("required")) {
        if (!o.has(name.getAsString())) {
          errors.add(at + ": required member " + name + " is missing");
        }
      }
    }
    for (Map.Entry<String, JsonElement> member : o.entrySet()) {
      String path = at + "/" + member.getKey();
      if (properties.has(member.getKey())) {
        check(properties.getAsJsonObject(member.getKey()), member.getValue(), path, errors);
      } else if (schema.has("additionalProperties")) {
        JsonElement additional = schema.get("additionalProperties");
        if (additional.isJsonPrimitive()) {
          if (!additional.getAsBoolean()) {
            errors.add(path + ": member not allowed");
          }
        } else {
          check(additional.getAsJsonObject(), member.getValue(), path, errors);
        }
      }
      if (schema.has("propertyNames")) {
        check(schema.getAsJsonObject("propertyNames"), new JsonPrimitive(member.getKey()), path, errors);
      }
    }
  }

  private static void string(JsonObject schema, String s, String at, List<String> errors) {
    int length = s.codePointCount(0, s.length());
    if (schema.has("minLength") && length < schema.get("minLength").getAsInt()) {
      errors.add(at + ": shorter than " + schema.get("minLength"));
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").getAsInt()) {
      errors.add(at + ": longer than " + schema.get("maxLength"));
    }
    if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").getAsString()).matcher(s).find()) {
      errors.add(at + ": \"" + s + "\" does not match " + schema.get("pattern"));
    }
  }

  private boolean valid(JsonObject schema, JsonElement value, String at) {
    List<String> errors = new ArrayList<>();
    check(schema, value, at, errors);
    return errors.isEmpty();
  }

  private static boolean typeMatches(JsonElement type, JsonElement value) {
    if (type.isJsonArray()) {
      for (JsonElement t : type.getAsJsonArray()) {
        if (typeMatches(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.getAsString()) {
      case "null" -> value.isJsonNull();
      case "object" -> value.isJsonObject();
      case "array" -> value.isJsonArray();
      case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
      case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
      case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
      case "integer" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
          && value.getAsBigDecimal().stripTrailingZeros().scale() <= 0;
      default -> throw new IllegalStateException("unknown type " + type);
    };
  }

  private static boolean contains(JsonArray values, JsonElement value) {
    for (JsonElement v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }
}

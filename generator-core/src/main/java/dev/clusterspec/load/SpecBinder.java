package dev.clusterspec.load;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Binds a spec tree that passed the schema to the typed model: records by their canonical
 * constructor (or one marked {@code @JsonCreator} with named parameters), a scalar by a static
 * {@code @JsonCreator} method, enums by their {@code @JsonProperty} name, lists and maps by their
 * element types, and a {@link JsonNode} as itself. What is absent is null (0 or false for
 * primitives), and a property the model does not have is an error, as with Jackson's binder set
 * to fail on unknown properties. Jackson's object mapper did the same but took a quarter of a second
 * to build in a new JVM, as long as the rest of a validation.
 */
final class SpecBinder {

    private static final ClassValue<Creators> CREATORS = new ClassValue<>() {
        @Override
        protected Creators computeValue(Class<?> type) {
            return Creators.of(type);
        }
    };

    private SpecBinder() {}

    /** {@code tree} as an instance of {@code type}; {@link IllegalArgumentException} naming the pointer when it does not fit. */
    static <T> T bind(JsonNode tree, Class<T> type) {
        return type.cast(value(tree, type, ""));
    }

    private static Object value(JsonNode node, Type type, String pointer) {
        Class<?> raw = raw(type);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return absent(raw);
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return node;
        }
        if (raw == String.class) {
            require(node.isValueNode(), pointer, "a string");
            return node.asString();
        }
        if (raw == int.class || raw == Integer.class) {
            require(node.isIntegralNumber() && node.canConvertToInt(), pointer, "an integer");
            return node.intValue();
        }
        if (raw == long.class || raw == Long.class) {
            require(node.isIntegralNumber() && node.canConvertToLong(), pointer, "an integer");
            return node.longValue();
        }
        if (raw == double.class || raw == Double.class) {
            require(node.isNumber(), pointer, "a number");
            return node.doubleValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            require(node.isBoolean(), pointer, "true or false");
            return node.booleanValue();
        }
        if (raw.isEnum()) {
            require(node.isString(), pointer, "a string");
            return constant(raw, node.stringValue(), pointer);
        }
        if (raw == List.class) {
            require(node.isArray(), pointer, "a list");
            Type element = argument(type, 0);
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(value(node.get(i), element, pointer + "/" + i));
            }
            return list;
        }
        if (raw == Map.class) {
            require(node.isObject(), pointer, "a mapping");
            Type valueType = argument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), value(e.getValue(), valueType, pointer + "/" + e.getKey()));
            }
            return map;
        }
        Creators creators = CREATORS.get(raw);
        // as Jackson chooses: a creator marked for properties takes a mapping, else a single-value
        // creator takes whatever is there, else a record is made from its components
        if (node.isObject() && creators.properties().isPresent() && (creators.marked() || creators.delegating().isEmpty())) {
            return construct(creators.properties().get(), creators.names(), node, pointer);
        }
        if (creators.delegating().isPresent()) {
            Method delegating = creators.delegating().get();
            return invoke(delegating, pointer, value(node, delegating.getGenericParameterTypes()[0], pointer));
        }
        throw new IllegalArgumentException(pointer + ": cannot make a " + raw.getSimpleName() + " of " + node.getNodeType());
    }

    private static Object construct(Constructor<?> constructor, List<String> names, JsonNode node, String pointer) {
        Type[] parameters = constructor.getGenericParameterTypes();
        for (String property : node.propertyNames()) {
            if (!names.contains(property)) {
                throw new IllegalArgumentException(pointer + "/" + property + ": not a property of "
                        + constructor.getDeclaringClass().getSimpleName());
            }
        }
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = value(node.get(names.get(i)), parameters[i], pointer + "/" + names.get(i));
        }
        return invoke(constructor, pointer, arguments);
    }

    private static Object invoke(Executable creator, String pointer, Object... arguments) {
        try {
            return creator instanceof Constructor<?> c ? c.newInstance(arguments) : ((Method) creator).invoke(null, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(pointer + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the model's " + creator + " cannot be called", e);
        }
    }

    private static Object constant(Class<?> type, String name, String pointer) {
        for (Object constant : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) constant;
            try {
                JsonProperty property = type.getField(e.name()).getAnnotation(JsonProperty.class);
                if (property != null ? property.value().equals(name) : e.name().equals(name)) {
                    return constant;
                }
            } catch (NoSuchFieldException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        throw new IllegalArgumentException(pointer + ": not one of the values of " + type.getSimpleName() + ": " + name);
    }

    private static Object absent(Class<?> raw) {
        if (raw == int.class || raw == long.class) {
            return raw == int.class ? (Object) 0 : (Object) 0L;
        }
        if (raw == double.class) {
            return 0.0;
        }
        return raw == boolean.class ? Boolean.FALSE : null;
    }

    private static void require(boolean holds, String pointer, String what) {
        if (!holds) {
            throw new IllegalArgumentException((pointer.isEmpty() ? "/" : pointer) + ": " + what + " expected");
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalStateException("the model has a raw collection type: " + type);
    }

    /** How a model type is made: from a mapping's properties, and from a single value. */
    private record Creators(Optional<Constructor<?>> properties, boolean marked, List<String> names, Optional<Method> delegating) {

        static Creators of(Class<?> type) {
            Optional<Method> delegating = Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1 && m.isAnnotationPresent(JsonCreator.class))
                    .findFirst();
            delegating.ifPresent(m -> m.setAccessible(true));
            Optional<Constructor<?>> properties = Arrays.stream(type.getDeclaredConstructors())
                    .filter(c -> c.isAnnotationPresent(JsonCreator.class)
                            && c.getAnnotation(JsonCreator.class).mode() != JsonCreator.Mode.DELEGATING)
                    .findFirst();
            boolean marked = properties.isPresent();
            if (properties.isEmpty() && type.isRecord()) {
                Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
                try {
                    properties = Optional.of(type.getDeclaredConstructor(components));
                } catch (NoSuchMethodException impossible) {
                    throw new IllegalStateException("a record without its canonical constructor: " + type, impossible);
                }
            }
            properties.ifPresent(c -> c.setAccessible(true));
            return new Creators(properties, marked, properties.map(Creators::names).orElse(List.of()), delegating);
        }

        /** The property each parameter binds: its {@code @JsonProperty} name, else the record component's. */
        private static List<String> names(Constructor<?> constructor) {
            Parameter[] parameters = constructor.getParameters();
            RecordComponent[] components = constructor.getDeclaringClass().getRecordComponents();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < parameters.length; i++) {
                JsonProperty property = parameters[i].getAnnotation(JsonProperty.class);
                names.add(property != null ? property.value() : components[i].getName());
            }
            return List.copyOf(names);
        }
    }
}

package dev.penumbra.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

/** Maps the {@code name} tag of stored {@link ModelSettings} to the settings record of that model's factory. */
final class ModelTypes extends TypeIdResolverBase {

    @Override
    public String idFromValue(Object value) {
        return idFromValueAndType(value, value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> type) {
        return ModelRegistry.factoryOf(type).name();
    }

    /** @return the settings type of the model named {@code id}, or null (Jackson then names the unknown id) */
    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        return ModelRegistry.names().contains(id)
                ? context.constructType(ModelRegistry.factory(id).settingsType()) : null;
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", ModelRegistry.names());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}

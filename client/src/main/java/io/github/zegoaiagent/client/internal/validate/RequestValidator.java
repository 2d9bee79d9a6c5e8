package io.github.zegoaiagent.client.internal.validate;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.zegoaiagent.client.error.ZegoValidationException;
import io.github.zegoaiagent.client.core.ListedValue;
import io.github.zegoaiagent.client.validate.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Checks a request against the Bean Validation constraints the generator derived from the
 * contract ({@code maxLength}, {@code pattern}, {@code minimum}/{@code maximum}, {@code maxItems},
 * {@code required}) before anything is sent. Field paths use the JSON names of the wire. Values of
 * fields the contract marks as secrets are never echoed (only IDs are quoted, for pattern errors).
 * Thread-safe; build one per client.
 */
public final class RequestValidator implements AutoCloseable {

  /**
   * Hibernate Validator announces its version ({@code HV000001}) at INFO on its first bootstrap;
   * with the JDK's logging (an application without a logging framework) that is a stderr line at
   * every start. Raised to WARNING unless the application set a level itself; held in a field
   * because java.util.logging keeps loggers only weakly. Other backends follow their own config.
   */
  private static final java.util.logging.Logger HV_VERSION_LOG = quietVersionLog();

  private static java.util.logging.Logger quietVersionLog() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");
    if (log.getLevel() == null) {
      log.setLevel(java.util.logging.Level.WARNING);
    }
    return log;
  }

  private final ValidatorFactory factory;
  private final Validator validator;

  /** @param mapper the mapper whose property names are the wire names */
  public RequestValidator(ObjectMapper mapper) {
    HibernateValidatorConfiguration config = Validation.byProvider(HibernateValidator.class).configure();
    ConstraintMapping codePoints = config.createConstraintMapping();
    codePoints.constraintDefinition(Size.class).includeExistingValidators(true)
        .validatedBy(CodePointSizeValidator.class);
    this.factory = config
        // Messages are built by problem() below; templates are never interpolated, so neither
        // Expression Language nor its warnings are needed.
        .messageInterpolator(new VerbatimInterpolator())
        .propertyNodeNameProvider(new JsonNames(mapper))
        .addMapping(codePoints)
        .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  /**
   * @param action the action, for the exception
   * @param request the request body
   * @throws ZegoValidationException listing every violation, when there is one
   */
  public void validate(String action, Object request) {
    if (request == null) {
      throw new ZegoValidationException(action, List.of(new Violation("(body)", "required request body missing")));
    }
    Set<ConstraintViolation<Object>> found = validator.validate(request);
    if (found.isEmpty()) {
      return;
    }
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<Object> v : found) {
      violations.add(new Violation(path(v.getPropertyPath()), problem(v)));
    }
    violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::problem));
    throw new ZegoValidationException(action, violations);
  }

  private static String path(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getIndex() != null || node.getKey() != null) {
        sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) { // "<list element>" nodes carry only the index
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name);
      }
    }
    return sb.length() == 0 ? "(body)" : sb.toString();
  }

  private static String problem(ConstraintViolation<?> v) {
    Annotation a = v.getConstraintDescriptor().getAnnotation();
    Object value = v.getInvalidValue();
    if (a instanceof NotNull) {
      return "required field missing";
    }
    if (a instanceof ListedValue && value instanceof io.github.zegoaiagent.client.core.OpenEnum<?> e) {
      String type = e.getClass().getName().substring(e.getClass().getPackageName().length() + 1).replace('$', '.');
      return "value " + quote(e.value()) + " is not listed by the contract " + e.listedValues()
          + "; to send it anyway use " + type + ".unlisted(" + quote(e.value()) + ")";
    }
    if (a instanceof Size size) {
      if (value instanceof CharSequence s) {
        int length = s.toString().codePointCount(0, s.length());
        return length > size.max()
            ? "length " + length + " exceeds maxLength " + size.max()
            : "length " + length + " is below minLength " + size.min();
      }
      int count = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size() : -1;
      return count > size.max()
          ? count + " items exceed maxItems " + size.max()
          : count + " items are below minItems " + size.min();
    }
    if (a instanceof Pattern pattern) {
      return "value \"" + value + "\" does not match pattern " + pattern.regexp();
    }
    if (a instanceof Min min) {
      return "value " + value + " is below minimum " + min.value();
    }
    if (a instanceof Max max) {
      return "value " + value + " exceeds maximum " + max.value();
    }
    if (a instanceof DecimalMin min) {
      return "value " + value + " is below minimum " + min.value();
    }
    if (a instanceof DecimalMax max) {
      return "value " + value + " exceeds maximum " + max.value();
    }
    return "violates @" + a.annotationType().getSimpleName() + " " + v.getConstraintDescriptor().getAttributes()
        .entrySet().stream().filter(e -> !Set.of("message", "groups", "payload").contains(e.getKey()))
        .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
  }

  private static String quote(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  @Override
  public void close() {
    factory.close();
  }

  /** Returns message templates as they are: this validator formats its own messages. */
  private static final class VerbatimInterpolator implements MessageInterpolator {
    @Override
    public String interpolate(String template, Context context) {
      return template;
    }

    @Override
    public String interpolate(String template, Context context, java.util.Locale locale) {
      return template;
    }
  }

  /** Names path nodes by their JSON property names (e.g. {@code AgentUserId}, not {@code agentUserId}). */
  private static final class JsonNames implements PropertyNodeNameProvider {

    private final ObjectMapper mapper;
    private final Map<Class<?>, Map<String, String>> names = new ConcurrentHashMap<>();

    JsonNames(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public String getName(Property property) {
      if (property instanceof JavaBeanProperty bean) {
        String json = names.computeIfAbsent(bean.getDeclaringClass(), this::jsonNames).get(bean.getName());
        if (json != null) {
          return json;
        }
      }
      return property.getName();
    }

    private Map<String, String> jsonNames(Class<?> type) {
      BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
      Map<String, String> byJava = new ConcurrentHashMap<>();
      for (BeanPropertyDefinition p : description.findProperties()) {
        byJava.put(p.getInternalName(), p.getName());
      }
      return byJava;
    }
  }
}

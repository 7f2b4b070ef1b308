package dev.clusterspec.emit;

import dev.clusterspec.yaml.JsonWriter;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The FreeMarker templates under {@code templates/} (bundled at {@code /clusterspec/templates}),
 * configured once for plain-text output that is the same on every machine: no locale formatting,
 * no HTML escaping, errors raised rather than printed. Templates get {@code q(value)}, which writes
 * a value as a double-quoted YAML scalar, safe for any content.
 */
public final class Templates {

    private static final Templates INSTANCE = new Templates();

    private final Configuration configuration;

    private Templates() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new ClassTemplateLoader(Templates.class, "/clusterspec/templates"));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setLocalizedLookup(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setSharedVariable("q", (TemplateMethodModelEx) Templates::quote);
        this.configuration = cfg;
    }

    public static Templates get() {
        return INSTANCE;
    }

    /** Renders {@code name} (relative to templates/, e.g. {@code nftables/host.nft.ftl}) with the model. */
    public String render(String name, Map<String, ?> model) {
        try {
            Template template = configuration.getTemplate(name);
            TextWriter out = new TextWriter();
            template.process(new HashMap<>(model), out);
            return out.text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + " cannot be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    private static Object quote(List<?> arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("q(value) takes one argument");
        }
        Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0));
        return JsonWriter.quote(String.valueOf(value));
    }

    /** A StringWriter without its lock: each of its writes takes one, and templates make many small writes. */
    private static final class TextWriter extends Writer {
        private final StringBuilder text = new StringBuilder(4096);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

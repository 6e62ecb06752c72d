package com.loyalty.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the built console (Vite, base {@code /console/}) from {@code loyalty.console.location}:
 * <ul>
 * <li>{@code /console}, {@code /console/} and every path whose last segment has no dot: index.html
 * (the console routes in the browser, so {@code /console/members/12} loads the app), no-cache;</li>
 * <li>a path with a dot in its last segment: that file, or 404; files under {@code assets/} have
 * content-hashed names and are cached for a year ({@code immutable}), the others revalidated;</li>
 * <li>nothing outside the location: a segment that is empty, {@code .} or {@code ..}, or carries a
 * character outside {@code [A-Za-z0-9._~@+-]} (after decoding) is never looked up;</li>
 * <li>no console built (no index.html there): 404 with a line saying to run scripts/build-console.</li>
 * </ul>
 * The security headers of these answers come from {@link ConsoleHeaders}.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {

    static final String ROOT = "/console";
    static final String NOT_BUILT = "管理后台尚未构建：请运行 scripts/build-console，然后重新打包或重启后端。\n"
            + "The console has not been built: run scripts/build-console, then rebuild or restart the backend.\n";

    /** A path segment that may name a file of the console: no leading dot, no separator, nothing to decode. */
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_~@+-][A-Za-z0-9._~@+-]*");
    private static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final ResourceLoader resources;
    private final String location;

    ConsolePages(ResourceLoader resources, ConsoleProperties properties) {
        this.resources = resources;
        this.location = properties.location();
    }

    @Bean
    RouterFunction<ServerResponse> consolePagesRoute() {
        return RouterFunctions.route().GET(ROOT, this::serve).GET(ROOT + "/**", this::serve).build();
    }

    Mono<ServerResponse> serve(ServerRequest request) {
        Optional<List<String>> segments = segments(request.requestPath().pathWithinApplication());
        if (segments.isEmpty()) {
            return ServerResponse.notFound().build();
        }
        List<String> path = segments.get();
        boolean file = !path.isEmpty() && path.get(path.size() - 1).contains(".");
        // looking a file up touches the disk (or the jar): off the event loop
        return Mono.fromCallable(() -> file ? lookUp(path) : lookUp(List.of("index.html")))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.map(resource -> send(resource, path))
                        .orElseGet(() -> file ? ServerResponse.notFound().build() : notBuilt()));
    }

    /**
     * The decoded segments after /console ({@code /console/} and {@code /console} give none); empty
     * when one of them may not name a console file, e.g. {@code ..}, {@code %2e%2e} or {@code a%2fb}.
     * A segment's matrix parameters ({@code ;x=1}) are left out, as Spring's own resource handling does.
     */
    static Optional<List<String>> segments(PathContainer path) {
        List<String> segments = new ArrayList<>();
        boolean afterSeparator = false;
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                segments.add(segment.valueToMatch());
                afterSeparator = false;
            } else if (afterSeparator) {
                return Optional.empty(); // an empty segment: "//"
            } else {
                afterSeparator = true;
            }
        }
        // the first one is "console"; a trailing slash adds no segment
        List<String> rest = segments.subList(1, segments.size());
        boolean trailingSlash = path.value().endsWith("/");
        for (int i = 0; i < rest.size(); i++) {
            if (!SAFE_SEGMENT.matcher(rest.get(i)).matches() && !(i == rest.size() - 1 && !trailingSlash
                    && !rest.get(i).contains(".") && harmless(rest.get(i)))) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(rest));
    }

    /**
     * A last segment without a dot only ever selects index.html, so it may hold other text (a
     * console route such as a search word), as long as it holds no separator or control character.
     */
    private static boolean harmless(String segment) {
        return !segment.isEmpty() && segment.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
    }

    /** The readable file at the segments under the location, if there is one (never a directory). */
    private Optional<Resource> lookUp(List<String> segments) throws IOException {
        for (String segment : segments) {
            if (!SAFE_SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        Resource resource = resources.getResource(location).createRelative(String.join("/", segments));
        if (!resource.exists() || !resource.isReadable()) {
            return Optional.empty();
        }
        if (resource.isFile() && !Files.isRegularFile(resource.getFile().toPath())) {
            return Optional.empty();
        }
        return Optional.of(resource);
    }

    private static Mono<ServerResponse> send(Resource resource, List<String> path) {
        String name = resource.getFilename() == null ? "" : resource.getFilename();
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        if (type.getType().equals("text") || type.getSubtype().equals("javascript") || type.getSubtype().equals("json")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        boolean hashed = path.size() > 1 && path.get(0).equals("assets");
        return ServerResponse.ok()
                .contentType(type)
                .cacheControl(hashed ? HASHED : CacheControl.noCache())
                .body(BodyInserters.fromResource(resource));
    }

    private static Mono<ServerResponse> notBuilt() {
        return ServerResponse.status(404).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .bodyValue(NOT_BUILT);
    }
}

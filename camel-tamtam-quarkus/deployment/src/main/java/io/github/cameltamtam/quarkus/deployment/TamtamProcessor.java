/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameltamtam.quarkus.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.cameltamtam.component.tamtam.TamtamComponent;
import io.github.cameltamtam.component.tamtam.TamtamConfiguration;
import io.github.cameltamtam.component.tamtam.TamtamException;
import io.quarkus.deployment.ApplicationArchive;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * Build steps of the Camel TamTam extension.
 *
 * <p>camel-quarkus-core discovers the component, its configurers and its URI factory from the
 * {@code META-INF/services/org/apache/camel/...} files of every indexed archive; {@link #indexComponent()} makes the
 * camel-tamtam jar one. The other steps only matter for a native image: reflection for what Jackson and Camel's
 * simple language reach by reflection, the component's resources, and SSL (the TamTam API is HTTPS). Everything is
 * found by package or type in the index, so classes and options added to camel-tamtam are covered without a change
 * here.
 */
class TamtamProcessor {

    /** Name of the feature, listed at start-up among the installed features. */
    static final String FEATURE = "camel-tamtam";

    static final String GROUP_ID = "io.github.cameltamtam";
    static final String ARTIFACT_ID = "camel-tamtam";

    /** Root package of the component; the catalog JSON lives under the same path in META-INF. */
    static final String COMPONENT_PACKAGE = TamtamComponent.class.getPackageName();
    /** Request, response and result classes: (de)serialised by Jackson, read by routes through the simple language. */
    static final String MODEL_PACKAGE = COMPONENT_PACKAGE + ".model";

    /** Resource folders of the camel-tamtam jar a native image needs: Camel services, catalog JSON, Kamelets. */
    static final List<String> RESOURCE_FOLDERS = List.of(
            "META-INF/services/org/apache/camel",
            "META-INF/" + COMPONENT_PACKAGE.replace('.', '/'),
            "kamelets");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem(GROUP_ID, ARTIFACT_ID);
    }

    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    @BuildStep
    void reflection(CombinedIndexBuildItem combinedIndex, BuildProducer<ReflectiveClassBuildItem> reflectiveClasses) {
        IndexView index = combinedIndex.getIndex();

        List<String> model = new ArrayList<>();
        List<String> enums = new ArrayList<>();
        for (ClassInfo type : index.getKnownClasses()) {
            String packageName = type.name().packagePrefix();
            if ("package-info".equals(type.name().withoutPackagePrefix())) {
                continue; // a package's documentation, not a class anything reflects on
            }
            if (MODEL_PACKAGE.equals(packageName)) {
                model.add(type.name().toString());
            } else if (type.isEnum() && Modifier.isPublic(type.flags())
                    && packageName != null && packageName.startsWith(COMPONENT_PACKAGE)) {
                // option types (e.g. the operation): Camel converts option values with Enum.valueOf
                enums.add(type.name().toString());
            }
        }
        if (model.isEmpty()) {
            throw new IllegalStateException("No class of " + MODEL_PACKAGE + " in the index: is " + GROUP_ID + ":"
                    + ARTIFACT_ID + " on the class path?");
        }
        reflectiveClasses.produce(ReflectiveClassBuildItem.builder(sorted(model))
                .reason(getClass().getName()).constructors().methods().fields().build());
        if (!enums.isEmpty()) {
            reflectiveClasses.produce(ReflectiveClassBuildItem.builder(sorted(enums))
                    .reason(getClass().getName()).constructors(false).methods().fields().build());
        }

        // the typed exceptions, so that routes can read getResult()/getStatusCode() with the simple language
        List<String> exceptions = new ArrayList<>();
        exceptions.add(TamtamException.class.getName());
        index.getAllKnownSubclasses(DotName.createSimple(TamtamException.class.getName()))
                .forEach(type -> exceptions.add(type.name().toString()));
        reflectiveClasses.produce(ReflectiveClassBuildItem.builder(sorted(exceptions))
                .reason(getClass().getName()).methods().build());

        // shared options; bound through the generated configurer, registered like Camel Quarkus does for its components
        reflectiveClasses.produce(ReflectiveClassBuildItem.builder(TamtamConfiguration.class)
                .reason(getClass().getName()).methods().build());
    }

    @BuildStep
    void nativeResources(ApplicationArchivesBuildItem archives, BuildProducer<NativeImageResourceBuildItem> resources) {
        ApplicationArchive component = archives.getAllApplicationArchives().stream()
                .filter(archive -> archive.getKey() != null
                        && GROUP_ID.equals(archive.getKey().getGroupId())
                        && ARTIFACT_ID.equals(archive.getKey().getArtifactId()))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException(GROUP_ID + ":" + ARTIFACT_ID + " is not an indexed archive"));

        TreeSet<String> paths = new TreeSet<>();
        for (Path root : component.getRootDirectories()) {
            for (String folder : RESOURCE_FOLDERS) {
                paths.addAll(files(root, folder));
            }
        }
        if (!paths.isEmpty()) {
            resources.produce(new NativeImageResourceBuildItem(new ArrayList<>(paths)));
        }
    }

    /** Regular files under {@code root/folder}, as resource paths relative to {@code root}. */
    private static List<String> files(Path root, String folder) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static String[] sorted(List<String> names) {
        return names.stream().sorted().distinct().toArray(String[]::new);
    }
}

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
package io.github.cameltamtam.component.tamtam;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layering of the component (see ARCHITECTURE.md and each package-info.java), checked on the compiled
 * main classes: arrows point down only, and each optional or heavy dependency stays in its one place. A new import that
 * breaks it fails the build here, naming the class and the line.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "io.github.cameltamtam.component.tamtam";

    /** Any class of the component. */
    private static final DescribedPredicate<JavaClass> PROJECT = resideInAPackage(ROOT + "..").as("the component");

    /** The typed exceptions: public API for onException, thrown from every layer. */
    private static final DescribedPredicate<JavaClass> EXCEPTIONS = resideInAPackage(ROOT)
            .and(assignableTo(TamtamException.class)).as("the component's exceptions");

    /** The Camel face but its exceptions: component, endpoint, options, constants, producers, health, console. */
    private static final DescribedPredicate<JavaClass> FACE = resideInAPackage(ROOT)
            .and(DescribedPredicate.not(assignableTo(TamtamException.class))).as("the Camel face (but its exceptions)");

    /** What runs the Camel face itself: no lower package may reach it (they get values, not the frame). */
    private static final DescribedPredicate<JavaClass> FRAME = resideInAPackage(ROOT)
            .and(assignableTo(org.apache.camel.Component.class)
                    .or(assignableTo(org.apache.camel.Endpoint.class))
                    .or(assignableTo(org.apache.camel.Producer.class))
                    .or(assignableTo(org.apache.camel.health.HealthCheck.class))
                    .or(assignableTo(org.apache.camel.console.DevConsole.class))
                    .or(assignableTo(org.apache.camel.component.extension.ComponentExtension.class)))
            .as("the Camel frame (component, endpoint, producers, health check, console, verifier)");

    @ArchTest
    static final ArchRule subpackagesAreFreeOfCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule subpackagesDoNotReachTheCamelFrame = noClasses()
            .that().resideInAPackage(ROOT + ".*..")
            .should().dependOnClassesThat(FRAME);

    /** The model's ID lists may be the compact ones of {@code .ids}, which it keeps without copying. */
    @ArchTest
    static final ArchRule modelAndSupportImportNothingOfTheProjectButTheIds = classes()
            .that().resideInAnyPackage(ROOT + ".model..", ROOT + ".support..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                    .or(resideInAnyPackage(ROOT + ".model..", ROOT + ".support..", ROOT + ".ids..")));

    @ArchTest
    static final ArchRule idsImportNothingOfTheProject = classes()
            .that().resideInAPackage(ROOT + ".ids..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                    .or(resideInAPackage(ROOT + ".ids..")));

    @ArchTest
    static final ArchRule inputImportsOnlyModelIdsAndTheInputException = classes()
            .that().resideInAPackage(ROOT + ".input..")
            .should().onlyDependOnClassesThat(DescribedPredicate.not(PROJECT)
                    .or(resideInAnyPackage(ROOT + ".input..", ROOT + ".model..", ROOT + ".ids..", ROOT + ".support.."))
                    .or(assignableTo(TamtamInvalidInputException.class)));

    @ArchTest
    static final ArchRule pacingImportsNothingOfTheProject = classes()
            .that().resideInAPackage(ROOT + ".pacing..")
            .should().onlyDependOnClassesThat(DescribedPredicate.not(PROJECT)
                    .or(resideInAnyPackage(ROOT + ".pacing..", ROOT + ".support..")));

    @ArchTest
    static final ArchRule clientImportsOnlyPacingModelAndExceptions = classes()
            .that().resideInAPackage(ROOT + ".client..")
            .should().onlyDependOnClassesThat(DescribedPredicate.not(PROJECT)
                    .or(resideInAnyPackage(ROOT + ".client..", ROOT + ".pacing..", ROOT + ".model..",
                            ROOT + ".support.."))
                    .or(EXCEPTIONS));

    @ArchTest
    static final ArchRule metricsAndCreditsImportNoCamelFace = noClasses()
            .that().resideInAnyPackage(ROOT + ".metrics..", ROOT + ".credits..")
            .should().dependOnClassesThat(FACE);

    /**
     * The shared pacer's bucket is the one class that calls Bucket4j; the generated configurer names the
     * {@code pacerProxyManager} option's type, resolved only when it is set.
     */
    @ArchTest
    static final ArchRule onlyTheSharedBucketImportsBucket4j = noClasses()
            .that().haveNameNotMatching(ROOT.replace(".", "\\.") + "\\.pacing\\.SharedBucket(\\$.*)?")
            .and().doNotHaveFullyQualifiedName(ROOT + ".TamtamComponentConfigurer")
            .should().dependOnClassesThat().resideInAPackage("io.github.bucket4j..");

    @ArchTest
    static final ArchRule onlyMetricsImportsMicrometer = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".metrics..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..");

    /** The component's {@code httpClient} option (and its generated configurer) is the one public name of the type. */
    @ArchTest
    static final ArchRule onlyTheClientImportsJavaNetHttp = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".client..")
            .and().haveNameNotMatching(ROOT.replace(".", "\\.") + "\\.TamtamComponent(Configurer)?")
            .should().dependOnClassesThat().resideInAPackage("java.net.http..");
}

package org.comptoir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rooms of DESIGN.md: each library stays in its package, and no arrow points back up. */
@AnalyzeClasses(packages = "org.comptoir", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses()
            .that().resideOutsideOfPackage("org.comptoir.ui..")
            .and().doNotHaveFullyQualifiedName("org.comptoir.App")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
            .because("the toolkit stays in the ui room, so services run and test without a screen");

    @ArchTest
    static final ArchRule jdbcOnlyInStore = noClasses()
            .that().resideOutsideOfPackage("org.comptoir.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "org.h2..")
            .because("all SQL and schema changes live in store");

    @ArchTest
    static final ArchRule serialOnlyInModem = noClasses()
            .that().resideOutsideOfPackage("org.comptoir.gateway.modem..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..")
            .because("only the modem adapter talks to serial ports");

    @ArchTest
    static final ArchRule poiOnlyInExport = noClasses()
            .that().resideOutsideOfPackage("org.comptoir.export..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..")
            .because("spreadsheets are the export room's business");

    @ArchTest
    static final ArchRule pureRulesHaveNoIo = noClasses()
            .that().resideInAnyPackage("org.comptoir.sms..", "org.comptoir.phone..", "org.comptoir.schedule..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.comptoir.store..", "org.comptoir.gateway..", "org.comptoir.ui..", "java.sql..",
                    "org.comptoir.consent..", "org.comptoir.campaign..", "org.comptoir.dispatch..")
            .because("text, numbers and sending windows are pure values and rules, usable by everything above");

    @ArchTest
    static final ArchRule gatewayKnowsNoCampaign = noClasses()
            .that().resideInAnyPackage("org.comptoir.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.comptoir.campaign..", "org.comptoir.consent..", "org.comptoir.store..",
                    "org.comptoir.dispatch..", "org.comptoir.ui..", "org.comptoir.settings..")
            .because("a gateway sends one SMS and reports events; it knows nothing of campaigns or the store, and "
                    + "gets its configuration as plain values from whoever builds it")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule servicesDoNotReachUp = noClasses()
            .that().resideInAnyPackage("org.comptoir.consent..", "org.comptoir.campaign..", "org.comptoir.dispatch..",
                    "org.comptoir.export..", "org.comptoir.store..", "org.comptoir.settings..",
                    "org.comptoir.backup..")
            .should().dependOnClassesThat().resideInAnyPackage("org.comptoir.ui..", "org.comptoir.cli..")
            .because("ui and cli are thin entry points on top of the services");

    @ArchTest
    static final ArchRule entryPointsNeverReachTheStore = noClasses()
            .that().resideInAnyPackage("org.comptoir.ui..", "org.comptoir.cli..")
            .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                    .resideInAnyPackage("org.comptoir.store..", "java.sql..")
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass
                            .Predicates.simpleName("DataDirectory")))
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass
                            .Predicates.simpleName("LanguageHint"))))
            .because("ui and cli reach the store through the services (and so through whichever store the till's "
                    + "store.* settings name); they may only ask where the data folder is, and read LanguageHint, a "
                    + "plain file in that folder (no database) giving the language before any store is opened");

    @ArchTest
    static final ArchRule logbackOnlyInLog = noClasses()
            .that().resideOutsideOfPackage("org.comptoir.log..")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..")
            .because("code logs through SLF4J; only the log room's converters (phone masking) know the backend");
}

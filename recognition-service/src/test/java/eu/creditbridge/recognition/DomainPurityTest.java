package eu.creditbridge.recognition;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import eu.creditbridge.messaging.testing.ServiceLayers;

/** The house's layer rules ({@link ServiceLayers}, the same in every service) over this service's classes. */
@AnalyzeClasses(packagesOf = DomainPurityTest.class, importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule layersAreTheHouses = ServiceLayers.of(DomainPurityTest.class.getPackageName());
}

package eu.creditbridge.registry.domain;

import static eu.creditbridge.registry.RegistryFixtures.UNIC;
import static eu.creditbridge.registry.RegistryFixtures.lodz;
import static eu.creditbridge.registry.RegistryFixtures.unic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MembershipSuspensionTest {

    private static final LocalDate JOINED = LocalDate.of(2022, 11, 1);
    private static final LocalDate SUSPENDED = LocalDate.of(2024, 3, 4);

    private final Institution member = lodz().admittedTo(unic(), JOINED);

    @Test
    void newMemberIsActiveFromItsFirstDayOnly() {
        assertThat(member.membershipOf(UNIC)).get().extracting(Membership::status).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(member.isActiveMemberOn(UNIC, JOINED)).isTrue();
        assertThat(member.isActiveMemberOn(UNIC, JOINED.minusDays(1))).isFalse();
        assertThat(member.isActiveMemberOn(new AllianceId("arqus"), JOINED)).isFalse();
    }

    @Test
    void credentialsIssuedFromTheSuspensionOnAreNoLongerFromAnActiveMemberButEarlierOnesStay() {
        Institution suspended = member.suspendedIn(UNIC, new Suspension(SUSPENDED, "statement incompatible with our values"));

        assertThat(suspended.membershipOf(UNIC)).get().extracting(Membership::status).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(suspended.isActiveMemberOn(UNIC, SUSPENDED.minusDays(1))).isTrue();
        assertThat(suspended.isActiveMemberOn(UNIC, SUSPENDED)).isFalse();
        assertThat(suspended.isActiveMemberOn(UNIC, SUSPENDED.plusYears(1))).isFalse();
    }

    @Test
    void suspendingAnAlreadySuspendedMemberIsAConflict() {
        Institution suspended = member.suspendedIn(UNIC, new Suspension(SUSPENDED, "reason"));
        assertThatThrownBy(() -> suspended.suspendedIn(UNIC, new Suspension(SUSPENDED.plusDays(1), "again")))
                .isInstanceOf(ConflictingRegistryChange.class);
    }

    @Test
    void reinstatedMemberIsActiveAgain() {
        Institution reinstated = member.suspendedIn(UNIC, new Suspension(SUSPENDED, "reason")).reinstatedIn(UNIC);
        assertThat(reinstated.membershipOf(UNIC)).get().extracting(Membership::status).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(reinstated.isActiveMemberOn(UNIC, SUSPENDED.plusDays(10))).isTrue();
    }

    @Test
    void reinstatingAMemberThatIsNotSuspendedIsUnknown() {
        assertThatThrownBy(() -> member.reinstatedIn(UNIC)).isInstanceOf(UnknownRegistryEntry.class);
    }

    @Test
    void suspensionBeforeTheMembershipBeganIsRefused() {
        assertThatThrownBy(() -> member.suspendedIn(UNIC, new Suspension(JOINED.minusDays(1), "reason")))
                .isInstanceOfSatisfying(InvalidRegistryEntry.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("suspendedFrom"));
    }

    @Test
    void suspendingInAnAllianceTheInstitutionIsNotInIsUnknown() {
        assertThatThrownBy(() -> member.suspendedIn(new AllianceId("arqus"), new Suspension(SUSPENDED, "reason")))
                .isInstanceOf(UnknownRegistryEntry.class);
    }

    @Test
    void rejoiningCorrectsTheFirstDayAndKeepsTheSuspension() {
        Institution suspended = member.suspendedIn(UNIC, new Suspension(SUSPENDED, "reason"));
        Institution corrected = suspended.admittedTo(unic(), JOINED.minusMonths(1));
        assertThat(corrected.memberships()).hasSize(1);
        assertThat(corrected.membershipOf(UNIC)).get().satisfies(m -> {
            assertThat(m.memberSince()).isEqualTo(JOINED.minusMonths(1));
            assertThat(m.status()).isEqualTo(MembershipStatus.SUSPENDED);
        });
    }
}

package dev.dbinternals.ch08.harness.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void shouldFollowTheLocaleVariablesInPosixOrder() {
        assertThat(Lang.choose(null, Map.of("LANG", "ko_KR.UTF-8"), Locale.ENGLISH)).isEqualTo(Lang.KO);
        assertThat(Lang.choose(null, Map.of("LANG", "en_US.UTF-8"), Locale.KOREAN)).isEqualTo(Lang.EN);
        // LC_ALL wins over LANG, LC_MESSAGES over LANG, whatever they say
        assertThat(Lang.choose(null, Map.of("LC_ALL", "C.UTF-8", "LANG", "ko_KR.UTF-8"), Locale.ENGLISH)).isEqualTo(Lang.EN);
        assertThat(Lang.choose(null, Map.of("LC_ALL", "ko_KR.UTF-8", "LANG", "C"), Locale.ENGLISH)).isEqualTo(Lang.KO);
        assertThat(Lang.choose(null, Map.of("LC_MESSAGES", "ko_KR", "LANG", "en_US"), Locale.ENGLISH)).isEqualTo(Lang.KO);
        // an empty variable counts as unset, as in POSIX
        assertThat(Lang.choose(null, Map.of("LC_ALL", "", "LANG", "ko_KR.UTF-8"), Locale.ENGLISH)).isEqualTo(Lang.KO);
    }

    @Test
    void shouldLetTheLaunchersVariableAndThePropertyWin() {
        assertThat(Lang.choose(null, Map.of("CH08_LANG", "ko", "LC_ALL", "C"), Locale.ENGLISH)).isEqualTo(Lang.KO);
        assertThat(Lang.choose("en", Map.of("CH08_LANG", "ko", "LANG", "ko_KR"), Locale.KOREAN)).isEqualTo(Lang.EN);
        assertThat(Lang.choose("KO", Map.of(), Locale.ENGLISH)).isEqualTo(Lang.KO);
    }

    @Test
    void shouldFallBackToTheJvmLocaleWhenNoVariableIsSet() {
        assertThat(Lang.choose(null, Map.of(), Locale.KOREA)).isEqualTo(Lang.KO);
        assertThat(Lang.choose(null, Map.of(), Locale.US)).isEqualTo(Lang.EN);
    }

    @Test
    void shouldRejectAnUnknownLanguageInBothLanguages() {
        assertThatThrownBy(() -> Lang.choose("fr", Map.of(), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en or ko").hasMessageContaining("en 또는 ko");
        assertThatThrownBy(() -> Lang.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPickTheTextOfTheLanguageInEffect() {
        String before = System.getProperty(Lang.PROPERTY);
        try {
            Lang.use(Lang.KO);
            assertThat(Lang.t("lost", "잃었다")).isEqualTo("잃었다");
            Lang.use(Lang.EN);
            assertThat(Lang.t("lost", "잃었다")).isEqualTo("lost");
        } finally {
            if (before == null) {
                System.clearProperty(Lang.PROPERTY);
            } else {
                System.setProperty(Lang.PROPERTY, before);
            }
        }
    }
}

package dev.dbinternals.ch08.harness.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.lang.Lang;
import org.junit.jupiter.api.Test;

/** An unsolved exercise speaks the reader's language (issue 11): the stub's message in English or Korean. */
class NotDoneYetTest {

    @Test
    void shouldSayWhatToDoInTheLanguageInEffect() {
        String before = System.getProperty(Lang.PROPERTY);
        try {
            Lang.use(Lang.KO);
            String ko = new NotDoneYet("links-2", "ch08-links/X.java", "hold out-of-order messages",
                    "순서가 어긋난 메시지를 붙잡아 두세요.").getMessage();
            assertThat(ko).contains("연습 문제 links-2").contains("ch08-links/X.java").contains("순서가 어긋난 메시지를 붙잡아 두세요.")
                    .contains("HINTS.ko.md").doesNotContain("hold out-of-order");
            Lang.use(Lang.EN);
            String en = new NotDoneYet("links-2", "ch08-links/X.java", "hold out-of-order messages",
                    "순서가 어긋난 메시지를 붙잡아 두세요.").getMessage();
            assertThat(en).startsWith("Exercise links-2 is not done yet: open ch08-links/X.java and hold out-of-order messages")
                    .doesNotContain("연습");
        } finally {
            if (before == null) {
                System.clearProperty(Lang.PROPERTY);
            } else {
                System.setProperty(Lang.PROPERTY, before);
            }
        }
    }
}

package io.watchline.fusion.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassVotesTest {
  @Test
  void oneStrayFrameSaysLittleManyFramesSayMuch() {
    ClassVotes one = new ClassVotes();
    one.add("animal", 0.4);
    assertThat(one.best()).isEqualTo("animal");
    assertThat(one.share()).isCloseTo(0.4 / 2.4, within(1e-9));

    ClassVotes many = new ClassVotes();
    for (int i = 0; i < 50; i++) {
      many.add("human", 0.5);
    }
    assertThat(many.share()).isCloseTo(25 / 27.0, within(1e-9));
  }

  @Test
  void theWinnerSharesWithTheOtherClassesAndUnknownCountsForNothing() {
    ClassVotes v = new ClassVotes();
    for (int i = 0; i < 30; i++) {
      v.add("human", 0.8);
      v.add("unknown", 0.9);
    }
    for (int i = 0; i < 10; i++) {
      v.add("animal", 0.6);
    }
    assertThat(v.best()).isEqualTo("human");
    assertThat(v.share()).isCloseTo(24 / (24 + 6 + 2.0), within(1e-9));
    assertThat(new ClassVotes().share()).isZero();
    assertThat(new ClassVotes().best()).isEqualTo("unknown");
  }

  @Test
  void theLeadIsWhatIsLeftOnceTheRunnerUpCancelsOut() {
    ClassVotes v = new ClassVotes();
    for (int i = 0; i < 30; i++) {
      v.add("animal", 0.8);
    }
    for (int i = 0; i < 20; i++) {
      v.add("human", 0.8);
      v.add("unknown", 0.9);
    }
    assertThat(v.best()).isEqualTo("animal");
    assertThat(v.share()).isCloseTo(24 / 42.0, within(1e-9));
    assertThat(v.lead()).isCloseTo(8 / 42.0, within(1e-9));
    assertThat(v.decisiveShare()).isCloseTo(24 / 42.0 * (8 / 42.0) / ClassVotes.CONTESTED_LEAD, within(1e-9));
    ClassVotes one = new ClassVotes();
    one.add("human", 0.5);
    assertThat(one.lead()).isEqualTo(one.share());
    ClassVotes clear = new ClassVotes();
    for (int i = 0; i < 50; i++) {
      clear.add("animal", 0.5);
    }
    assertThat(clear.decisiveShare()).isEqualTo(clear.share());
    assertThat(new ClassVotes().lead()).isZero();
  }

  @Test
  void guessesAtTheEdgeOfACamerasRangeDoNotOutvoteAFewRecognitionsCloseIn() {
    // a group walked in from 6 km (reliability 0.16 there), called "animal" in 300 frames, and was
    // called "human" in 60 frames at 1.5 km (0.97)
    ClassVotes v = new ClassVotes();
    for (int i = 0; i < 300; i++) v.add("animal", 0.6, 0.16);
    for (int i = 0; i < 60; i++) v.add("human", 0.6, 0.97);
    assertThat(v.best()).isEqualTo("human");
    // the guesses count as "not sure": the share is small
    assertThat(v.share()).isCloseTo(60 * 0.6 * 0.97 / (360 * 0.6 + 2), within(1e-9));
    // counted in full, the guesses would have carried the class
    ClassVotes full = new ClassVotes();
    for (int i = 0; i < 300; i++) full.add("animal", 0.6);
    for (int i = 0; i < 60; i++) full.add("human", 0.6);
    assertThat(full.best()).isEqualTo("animal");
    assertThat(full.decisiveShare()).isGreaterThan(0.7);
    // guesses alone make no decisive share either
    ClassVotes far = new ClassVotes();
    for (int i = 0; i < 300; i++) far.add("animal", 0.6, 0.16);
    assertThat(far.decisiveShare()).isLessThan(0.07);
  }
}

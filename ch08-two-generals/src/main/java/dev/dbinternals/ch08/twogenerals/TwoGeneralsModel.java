package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Two Generals' Problem as a state machine for the harness
 * {@link Explorer}: two generals, a {@link MessengerProtocol}, and a valley in which any
 * messenger may be captured.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). The model is kind to the
 * generals in every way but one: no general crashes, messengers never lie, and a general
 * decides only when nothing is on the way any more (as if it knew an upper bound on travel
 * time: the setting is synchronous). The only fault is <em>loss</em>. That is enough: for each
 * protocol it is given, exploring every loss pattern and every order in which messengers overtake
 * each other finds a run that breaks agreement, validity or non-triviality. (That this happens
 * for <em>every</em> finite deterministic protocol is the last-message argument,
 * {@link LastMessageArgument}.)
 *
 * <p>Immutable and thread-safe; states are {@link GeneralsState} values.
 */
public final class TwoGeneralsModel {

    /** A protocol that sends more messengers than this in one run is refused as not finite. */
    public static final int MAX_MESSENGERS = 64;

    private final MessengerProtocol protocol;

    public TwoGeneralsModel(MessengerProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    public MessengerProtocol protocol() {
        return protocol;
    }

    /** The state before dawn: A knows {@code plan} and sends its first messengers. */
    public GeneralsState initial(Plan plan) {
        if (plan == Plan.UNKNOWN) {
            throw new IllegalArgumentException("A's plan is ATTACK or RETREAT");
        }
        GeneralsState s = new GeneralsState(plan, List.of(), List.of(), List.of(), 0, Decision.UNDECIDED, Decision.UNDECIDED);
        s = sendFrom(s, General.A);
        s = sendFrom(s, General.B);
        return decideIfQuiet(s);
    }

    /** Every move the network can make in {@code s}: each messenger on the way arrives or is lost. */
    public List<Move> moves(GeneralsState s) {
        List<Move> out = new ArrayList<>(2 * s.onTheWay().size());
        for (Messenger m : s.onTheWay()) {
            out.add(new Move(m.seq(), m.from(), true));
            out.add(new Move(m.seq(), m.from(), false));
        }
        return out;
    }

    /** The state after {@code move}; the receiver of a delivered messenger reacts at once. */
    public GeneralsState apply(GeneralsState s, Move move) {
        List<Messenger> way = new ArrayList<>(s.onTheWay());
        Messenger m = way.stream().filter(x -> x.seq() == move.seq()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("messenger #" + move.seq() + " is not on the way in " + s));
        way.remove(m);
        GeneralsState next;
        if (move.delivered()) {
            List<String> heard = new ArrayList<>(m.to() == General.A ? s.heardByA() : s.heardByB());
            heard.add(m.text());
            next = m.to() == General.A
                    ? new GeneralsState(s.plan(), heard, s.heardByB(), way, s.sent(), s.a(), s.b())
                    : new GeneralsState(s.plan(), s.heardByA(), heard, way, s.sent(), s.a(), s.b());
            next = sendFrom(next, m.to());
        } else {
            next = new GeneralsState(s.plan(), s.heardByA(), s.heardByB(), way, s.sent(), s.a(), s.b());
        }
        return decideIfQuiet(next);
    }

    /** The explorer's successor function. */
    public List<Transition<GeneralsState>> next(GeneralsState s) {
        List<Move> moves = moves(s);
        List<Transition<GeneralsState>> out = new ArrayList<>(moves.size());
        for (Move mv : moves) {
            out.add(new Transition<>(mv.label(), apply(s, mv)));
        }
        return out;
    }

    /** An explorer over every run from {@code plan}, ready for invariants. */
    public Explorer<GeneralsState> explorer(Plan plan) {
        return Explorer.of(initial(plan), this::next);
    }

    /** Replays explorer labels from the initial state, returning every state along the way (the initial one first). */
    public List<GeneralsState> replay(Plan plan, List<String> labels) {
        List<GeneralsState> states = new ArrayList<>();
        GeneralsState s = initial(plan);
        states.add(s);
        for (String label : labels) {
            GeneralsState from = s;
            Move mv = moves(from).stream().filter(x -> x.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no move '" + label + "' in " + from));
            s = apply(from, mv);
            states.add(s);
        }
        return states;
    }

    private GeneralsState sendFrom(GeneralsState s, General g) {
        List<String> texts = protocol.send(s.view(g));
        if (texts.isEmpty()) {
            return s;
        }
        List<Messenger> way = new ArrayList<>(s.onTheWay());
        int sent = s.sent();
        for (String t : texts) {
            if (sent == MAX_MESSENGERS) {
                throw new IllegalStateException(protocol.name() + " sent more than " + MAX_MESSENGERS
                        + " messengers in one run: the checker needs a finite protocol");
            }
            way.add(new Messenger(++sent, g, g.other(), t));
        }
        return new GeneralsState(s.plan(), s.heardByA(), s.heardByB(), way, sent, s.a(), s.b());
    }

    private GeneralsState decideIfQuiet(GeneralsState s) {
        if (!s.onTheWay().isEmpty() || s.decided()) {
            return s;
        }
        Decision a = Decision.of(protocol.attacks(s.view(General.A)));
        Decision b = Decision.of(protocol.attacks(s.view(General.B)));
        return new GeneralsState(s.plan(), s.heardByA(), s.heardByB(), s.onTheWay(), s.sent(), a, b);
    }
}

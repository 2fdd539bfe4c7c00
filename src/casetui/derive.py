"""Values casetui derives from a case: lifespan, notice period, service states, T-offsets, and
which dates are only scheduled.

A date after the case's `as_of` is *scheduled*: announced, not confirmed by the sources on the
date they were last checked. It is scheduled only when it is known to be after `as_of` at the
coarser of the two precisions (`when.known_after`): an event in September 2021 is not scheduled
for an `as_of` of `"2021-09"`, since it may have happened by then; the rule never marks what it
cannot know. Without `as_of`, nothing is scheduled.
"""

from casetui.model import Case, Event, Service
from casetui.record import NamedTuple
from casetui.when import Span, When, known_after

STATUS_EVENT_KINDS = {"shut-down": ("shutdown",), "paused": ("shutdown",), "merged": ("migration", "shutdown")}
"""For a status that says the case has ended: the kinds of event that make it so, in order of
preference. The last event of the first kind the case has is the one that makes it so (there is
no `pause` kind: a pause is written as a `shutdown` event)."""


def is_scheduled(case: Case, date: When | None) -> bool:
    """True when `date` lies after the case's `as_of`: announced, not confirmed."""
    as_of = case.as_of
    return as_of is not None and date is not None and known_after(date, as_of)


def scheduled(case: Case, event: Event) -> bool:
    """True when the event is dated after the case's `as_of`."""
    return is_scheduled(case, event.date)


class End(NamedTuple):
    """When a case ended: `ended` as written, or else its final shutdown event."""

    date: When
    derived: bool
    """True when it comes from the final shutdown event, not from `ended`."""
    scheduled: bool


def end(case: Case) -> End | None:
    """`ended` when the author wrote it (it always wins), else the final shutdown event's date."""
    if case.ended is not None:
        return End(case.ended, False, is_scheduled(case, case.ended))
    last = case.last_shutdown
    if last is None:
        return None
    return End(last.date, True, is_scheduled(case, last.date))


def lifespan(case: Case) -> Span | None:
    """`launched` to the end (`ended`, or else the final shutdown), at the coarser of the two precisions."""
    finish = end(case)
    if case.launched is None or finish is None:
        return None
    return Span.between(case.launched, finish.date)


def lifespan_scheduled(case: Case) -> bool:
    """True when the lifespan rests on a scheduled date (its end, or an unlikely launch after `as_of`)."""
    finish = end(case)
    return finish is not None and (finish.scheduled or is_scheduled(case, case.launched))


def announcement(case: Case) -> Event | None:
    """The first `announcement` event: T-0 (kept by the case, so callers may ask once per event)."""
    return case.first_announcement


def final_shutdown(case: Case) -> Event | None:
    """The last `shutdown` event."""
    return case.last_shutdown


def notice_period(case: Case) -> Span | None:
    """The first announcement to the last shutdown."""
    start, end = announcement(case), final_shutdown(case)
    if start is None or end is None:
        return None
    return Span.between(start.date, end.date)


def notice_scheduled(case: Case) -> bool:
    """True when the notice period rests on a scheduled announcement or shutdown."""
    start, finish = announcement(case), final_shutdown(case)
    return start is not None and finish is not None and (scheduled(case, start) or scheduled(case, finish))


def status_event(case: Case) -> Event | None:
    """The event that makes a `shut-down`, `paused` or `merged` status so (see `STATUS_EVENT_KINDS`)."""
    for kind in STATUS_EVENT_KINDS.get(case.status, ()):
        found = next((e for e in reversed(case.events) if e.kind == kind), None)
        if found is not None:
            return found
    return None


def premature(case: Case) -> tuple[tuple[str, str], ...]:
    """What says a case ended when on its `as_of` date the end was only scheduled: (key, message) pairs
    for `casetui validate` to warn about, `case.status` and `case.ended`."""
    as_of = case.as_of
    if as_of is None:
        return ()
    found: list[tuple[str, str]] = []
    event = status_event(case)
    if event is not None and scheduled(case, event):
        found.append(
            (
                "case.status",
                f'"{case.status}", but the {event.kind} event that makes it so ({event.date}) comes after '
                f'as_of ({as_of}): on that date it was only scheduled; write status = "sunsetting"',
            )
        )
    if case.ended is not None and is_scheduled(case, case.ended):
        advice = "" if case.status == "sunsetting" else ' and write status = "sunsetting"'
        found.append(
            (
                "case.ended",
                f"{case.ended} lies after as_of ({as_of}): an end only scheduled, not confirmed; "
                f"leave ended out (casetui derives it from the final shutdown event){advice}",
            )
        )
    return tuple(found)


def t_offset(case: Case, event: Event) -> Span | None:
    """The event's distance from the first announcement (T-0), or None without one."""
    start = announcement(case)
    return None if start is None else Span.between(start.date, event.date)


def to_shutdown(case: Case, event: Event) -> Span | None:
    """What is left from this event to the last shutdown; None without a shutdown."""
    end = final_shutdown(case)
    return None if end is None else Span.between(event.date, end.date)


class ServiceState(NamedTuple):
    """Whether a service is still on at one step of the timeline."""

    service: Service
    on: bool
    ended_here: bool
    """True at the event that switches it off."""


def service_states(case: Case, step: int) -> tuple[ServiceState, ...]:
    """Every service's state just after event `step` (index into the sorted events)."""
    ended_at: dict[str, int] = {}
    for position, event in enumerate(case.events):
        for service_id in event.ends:
            ended_at.setdefault(service_id, position)
    states = []
    for service in case.services:
        end = ended_at.get(service.id)
        states.append(ServiceState(service, on=end is None or end > step, ended_here=end == step))
    return tuple(states)


def services_ended_by(case: Case, event: Event) -> tuple[Service, ...]:
    """The services this event switches off, in `[services]` order."""
    return tuple(s for s in case.services if s.id in event.ends)

"""Values casetui derives from a case: lifespan, notice period, service states, T-offsets."""

from casetui.model import Case, Event, Service
from casetui.record import NamedTuple
from casetui.when import Span


def lifespan(case: Case) -> Span | None:
    """`launched` to `ended`, at the coarser of the two precisions."""
    if case.launched is None or case.ended is None:
        return None
    return Span.between(case.launched, case.ended)


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

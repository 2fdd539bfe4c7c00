"""A cursor over a case's sorted events: the step-through sunset, free of any UI."""

from __future__ import annotations

from casetui import derive
from casetui.model import Case, Event, Question
from casetui.when import Span


class TimelineCursor:
    """Steps through a case's events; screens only display what it says."""

    def __init__(self, case: Case, position: int = 0) -> None:
        self.case = case
        self.position = 0
        self.go(position)

    def __len__(self) -> int:
        return len(self.case.events)

    @property
    def event(self) -> Event | None:
        """The current event, or None for a case without events."""
        return self.case.events[self.position] if self.case.events else None

    def go(self, position: int) -> bool:
        """Move to `position` (clamped); True when the cursor moved."""
        target = max(0, min(position, len(self) - 1)) if len(self) else 0
        moved = target != self.position
        self.position = target
        return moved

    def next(self) -> bool:
        """One step on; False at the last event."""
        return self.go(self.position + 1)

    def prev(self) -> bool:
        """One step back; False at the first event."""
        return self.go(self.position - 1)

    def first(self) -> bool:
        """To the first event."""
        return self.go(0)

    def last(self) -> bool:
        """To the last event."""
        return self.go(len(self) - 1)

    def go_to_id(self, event_id: str) -> bool:
        """To the event with this id; False when there is none."""
        for position, event in enumerate(self.case.events):
            if event.id == event_id:
                self.go(position)
                return True
        return False

    @property
    def at_start(self) -> bool:
        return self.position == 0

    @property
    def at_end(self) -> bool:
        return self.position >= len(self) - 1

    @property
    def offset(self) -> Span | None:
        """T-offset of the current event from the first announcement."""
        event = self.event
        return None if event is None else derive.t_offset(self.case, event)

    @property
    def to_shutdown(self) -> Span | None:
        """What is left from the current event to the final shutdown."""
        event = self.event
        return None if event is None else derive.to_shutdown(self.case, event)

    @property
    def states(self) -> tuple[derive.ServiceState, ...]:
        """Each service on or off just after the current event."""
        return derive.service_states(self.case, self.position)

    @property
    def questions(self) -> tuple[Question, ...]:
        """Discussion questions attached to the current event."""
        event = self.event
        if event is None or event.id is None:
            return ()
        return tuple(q for q in self.case.questions if q.event == event.id)

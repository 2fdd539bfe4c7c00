"""A cursor over a case's sorted events: the step-through sunset, free of any UI.

With spoilers off (case-method teaching: the class decides before it learns what happened), the
cursor also says what may be shown at the current step: nothing of an event after it, and none of the
figures that give the ending away until the step reaches the event they come from.
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from casetui import derive
from casetui.model import Case, Event, Question
from casetui.when import Span


class Hidden(Enum):
    """A figure that exists but lies after the current step, so it is not shown yet."""

    HIDDEN = "hidden"


HIDDEN: Final = Hidden.HIDDEN


class TimelineCursor:
    """Steps through a case's events; screens only display what it says.

    `position` is the one place the current step lives: every view of the sunset (and anything that
    drives it from outside) moves this cursor and then redraws from it.
    """

    def __init__(self, case: Case, position: int = 0, *, spoilers: bool = True) -> None:
        self.case = case
        self.position = 0
        self.spoilers = spoilers
        """False: events after the current step, and the figures they decide, stay hidden."""
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

    # -- what may be shown at this step ---------------------------------------------------------

    def shows(self, index: int) -> bool:
        """Whether event `index` may be shown: always with spoilers on, else only up to the current step."""
        return self.spoilers or index <= self.position

    @property
    def horizon(self) -> int:
        """Index of the last event that may be shown (-1 for a case without events)."""
        return len(self) - 1 if self.spoilers else min(self.position, len(self) - 1)

    def _reached(self, event: Event | None) -> bool:
        """True when `event` lies at or before the current step (or spoilers are on)."""
        if event is None or self.spoilers:
            return True
        return any(e is event for e in self.case.events[: self.position + 1])

    @property
    def ending_hidden(self) -> bool:
        """True while the final shutdown (or, without one, the last event) lies after the current step.

        Until then the time left, the notice period and the case's end, lifespan and status are hidden.
        """
        if self.spoilers or not self.case.events:
            return False
        return not self._reached(derive.final_shutdown(self.case) or self.case.events[-1])

    @property
    def shown_offset(self) -> Span | Hidden | None:
        """`offset`, or HIDDEN while the announcement it counts from lies ahead."""
        start = derive.announcement(self.case)
        # Without an announcement, saying so at step 1 would tell the class there never is one.
        if (start is None and self.ending_hidden) or not self._reached(start):
            return HIDDEN
        return self.offset

    @property
    def shown_to_shutdown(self) -> Span | Hidden | None:
        """`to_shutdown`, or HIDDEN while the final shutdown lies ahead."""
        if self.event is not None and self.ending_hidden:
            return HIDDEN
        return self.to_shutdown

    @property
    def shown_notice(self) -> Span | Hidden | None:
        """The case's notice period (announcement to final shutdown), or HIDDEN while its end lies ahead."""
        return HIDDEN if self.ending_hidden else derive.notice_period(self.case)

    @property
    def shown_lifespan(self) -> Span | Hidden | None:
        """The case's lifespan (launch to end), or HIDDEN while the ending lies ahead."""
        return HIDDEN if self.ending_hidden else derive.lifespan(self.case)

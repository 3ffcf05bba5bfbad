// A date field that shows and accepts 2026-11-24 (also 2026/11/24 and 2026年11月24日), with a
// Chinese calendar. The value is a YYYY-MM-DD string or null.
// Esc while the calendar is open closes only the calendar: Mantine's Modal and Drawer listen for Esc
// on the window (capture phase) and leave it alone when the key's target carries
// data-mantine-stop-propagation — the mark Select and Menu put on their target while open; the
// calendar keeps the focus in the input, so the input carries the mark while the calendar shows.
import { useState } from 'react';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseTypedDate } from '../lib/dates';
import { commonText } from './text';

export function DateField({ popoverProps, ...props }: DateInputProps) {
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      dateParser={parseTypedDate}
      placeholder={commonText.datePlaceholder}
      monthLabelFormat={commonText.calendar.month}
      yearLabelFormat={commonText.calendar.year}
      decadeLabelFormat={commonText.calendar.decade}
      monthsListFormat={commonText.calendar.monthsList}
      yearsListFormat="YYYY"
      firstDayOfWeek={1}
      data-mantine-stop-propagation={calendarOpen || undefined}
      {...props}
      popoverProps={{
        withinPortal: true,
        ...popoverProps,
        onOpen: () => {
          setCalendarOpen(true);
          popoverProps?.onOpen?.();
        },
        onClose: () => {
          setCalendarOpen(false);
          popoverProps?.onClose?.();
        },
      }}
    />
  );
}

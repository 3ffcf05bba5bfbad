// A date field that shows and accepts 2026-11-24 (also 2026/11/24 and 2026年11月24日), with a
// Chinese calendar. The value is a YYYY-MM-DD string or null.
import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseTypedDate } from '../lib/dates';
import { commonText } from './text';

export function DateField(props: DateInputProps) {
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
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}

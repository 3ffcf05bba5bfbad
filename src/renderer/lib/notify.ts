import { notifications } from '@mantine/notifications';
import type { Failure } from '../../shared/api';
import { commonText } from '../common/text';

export function notifyFailure(failure: Pick<Failure, 'message'>, title: string = commonText.failedTitle): void {
  notifications.show({ color: 'red', title, message: failure.message, autoClose: 8000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 2500 });
}

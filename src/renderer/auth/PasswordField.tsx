// A password box whose show/hide button is named in Chinese for screen readers (Mantine's own
// name is English).
import { forwardRef } from 'react';
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { authText as t } from './text';

export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(function PasswordField(props, ref) {
  return <PasswordInput ref={ref} visibilityToggleButtonProps={{ 'aria-label': t.togglePassword }} {...props} />;
});

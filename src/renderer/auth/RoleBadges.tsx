// An account's roles as small coloured badges (管理员 / 审核人 / 填报人), always in the same order.
import { Badge, Group, type BadgeProps } from '@mantine/core';
import type { Role } from '../../shared/model';
import { roleColor, roleOrder, roleText } from './text';

export function RoleBadges({
  roles,
  size = 'sm',
  variant = 'light',
}: {
  roles: readonly Role[];
  size?: BadgeProps['size'];
  variant?: BadgeProps['variant'];
}) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="role-badges">
      {roleOrder
        .filter((role) => roles.includes(role))
        .map((role) => (
          <Badge key={role} size={size} variant={variant} color={roleColor[role]} radius="sm">
            {roleText[role]}
          </Badge>
        ))}
    </Group>
  );
}

// Where a person lands after log-in: a 填报人 or 审核人 on 我的待办 (or 本院挂图, by their own
// choice in 设置 → 首页), an administrator on the campaign list as before (or the page chosen). The choice is kept per
// account in this computer's localStorage. An address that names a page (a reload, a link) wins.
import { Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../shared/model';
import { useApp } from '../AppContext';
import { notifySuccess } from '../lib/notify';
import type { Route } from '../lib/router';
import { shellText as t } from './text';

export type LandingChoice = 'work' | 'board';
const key = (userId: string) => `court.landing.${userId}`;

export function landingChoice(userId: string): LandingChoice | null {
  try {
    const value = window.localStorage.getItem(key(userId));
    return value === 'work' || value === 'board' ? value : null;
  } catch {
    return null;
  }
}

function saveLandingChoice(userId: string, choice: LandingChoice): void {
  try {
    window.localStorage.setItem(key(userId), choice);
  } catch {
    // A locked-down profile without storage: the default stays.
  }
}

/** The first page after log-in for this account. */
export function landingRoute(user: Pick<SessionUser, 'id' | 'roles'>): Route {
  const choice = landingChoice(user.id);
  if (choice) return { name: choice };
  // An administrator (also when a reviewer too) keeps the campaign list as the start.
  if (user.roles.includes('admin')) return { name: 'campaigns' };
  const works = user.roles.includes('filer') || user.roles.includes('reviewer');
  return works ? { name: 'work' } : { name: 'campaigns' };
}

/** True when the address names no page: a fresh start or the first page after log-in. */
export function addressIsEmpty(): boolean {
  const hash = window.location.hash;
  return hash === '' || hash === '#' || hash === '#/';
}

/** 设置 → 首页: 我的待办 or 本院挂图 after log-in, for the logged-in account. */
export function LandingSetting() {
  const { user } = useApp();
  const [value, setValue] = useState<LandingChoice>(() => {
    const route = landingRoute(user);
    return route.name === 'board' ? 'board' : 'work';
  });
  return (
    <Paper withBorder p="lg" maw={640} data-testid="landing-setting">
      <Stack gap="xs">
        <Title order={4}>{t.landingTitle}</Title>
        <Text size="sm" c="gray.7" id="landing-hint">
          {t.landingHint}
        </Text>
        <SegmentedControl
          w={280}
          value={value}
          aria-describedby="landing-hint"
          aria-label={t.landingTitle}
          onChange={(next) => {
            const choice = next === 'board' ? 'board' : 'work';
            setValue(choice);
            saveLandingChoice(user.id, choice);
            notifySuccess(t.landingSaved);
          }}
          data={[
            { value: 'work', label: t.navWork },
            { value: 'board', label: t.navBoard },
          ]}
          data-testid="landing-choice"
        />
      </Stack>
    </Paper>
  );
}

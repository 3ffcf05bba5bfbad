// The frame around every page: the header with the court and the logged-in user (修改密码,
// 退出登录), the navigation by role, and the page for the current route.
import { useEffect, useState } from 'react';
import { AppShell, Group, Menu, NavLink, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import {
  IconArrowsExchange,
  IconLayoutDashboard,
  IconBuildingBank,
  IconChevronDown,
  IconClipboardList,
  IconFlag,
  IconHistory,
  IconKey,
  IconListCheck,
  IconLogout,
  IconRepeat,
  IconSettings,
  IconSitemap,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import type { CourtLevel, Role } from '../../shared/model';
import { useApp } from '../AppContext';
import { routeHref, useRoute, type Route } from '../lib/router';
import { CampaignList } from '../campaigns/CampaignList';
import { CampaignTabs } from '../campaign/CampaignTabs';
import { MyWorkPage } from '../work/MyWorkPage';
import { CourtBoardPage } from '../boards/CourtBoardPage';
import { LookbackPage } from '../lookback/LookbackPage';
import { UsersPage } from '../users/UsersPage';
import { AuditPage } from '../audit/AuditPage';
import { SettingsPage } from '../settings/SettingsPage';
import { SyncPage } from '../sync/SyncPage';
import { SubordinatesPage } from '../sync/SubordinatesPage';
import { OrdersPage } from '../orders/OrdersPage';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { RoleBadges } from '../auth/RoleBadges';
import { PageBoundary } from '../common/PageBoundary';
import { shellText as t } from './text';
import { addressIsEmpty, landingRoute } from './landing';
import { UnreadNotesNavBadge } from '../work/UnreadNotesCard';

/**
 * `roles`: shown only to these roles (the main process refuses the others anyway). `levels`: only
 * at courts of these levels (a basic court has no subordinates to watch).
 */
const navItems: Array<{
  route: Route;
  label: string;
  icon: typeof IconClipboardList;
  match: Route['name'][];
  roles?: Role[];
  levels?: CourtLevel[];
}> = [
  { route: { name: 'board' }, label: t.navBoard, icon: IconLayoutDashboard, match: ['board'] },
  { route: { name: 'work' }, label: t.navWork, icon: IconListCheck, match: ['work'] },
  { route: { name: 'campaigns' }, label: t.navCampaigns, icon: IconClipboardList, match: ['campaigns', 'campaign'] },
  { route: { name: 'lookbacks' }, label: t.navLookbacks, icon: IconRepeat, match: ['lookbacks'] },
  { route: { name: 'sync', tab: null }, label: t.navSync, icon: IconArrowsExchange, match: ['sync'] },
  {
    route: { name: 'subordinates' },
    label: t.navSubordinates,
    icon: IconSitemap,
    match: ['subordinates'],
    levels: ['high', 'intermediate'],
  },
  {
    route: { name: 'orders' },
    label: t.navOrders,
    icon: IconFlag,
    match: ['orders'],
    levels: ['high', 'intermediate'],
  },
  { route: { name: 'audit' }, label: t.navAudit, icon: IconHistory, match: ['audit'], roles: ['admin', 'reviewer'] },
  { route: { name: 'users' }, label: t.navUsers, icon: IconUsers, match: ['users'], roles: ['admin'] },
  { route: { name: 'settings' }, label: t.navSettings, icon: IconSettings, match: ['settings'] },
];

export function Shell() {
  const { court, can, user } = useApp();
  // After log-in (no page in the address): 我的待办 for a 填报人 or 审核人, or the page they chose.
  // Settled before the first read of the address, so the campaign list never flashes by.
  useState(() => {
    if (addressIsEmpty()) window.history.replaceState(null, '', routeHref(landingRoute(user)));
  });
  const route = useRoute();
  useEffect(() => {
    document.body.classList.add('with-nav');
    return () => document.body.classList.remove('with-nav');
  }, []);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 176, breakpoint: 0 }} padding="md">
      <AppShell.Header bg="court.9" c="white" px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={32} radius="sm" color="red.8" variant="filled">
              <IconBuildingBank size={20} />
            </ThemeIcon>
            <Text fw={700} size="lg">
              {t.appName}
            </Text>
            <Text size="md" c="court.1" ml="md" data-testid="header-court">
              {court.name}
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" bg="#fbfcfd">
        {navItems
          .filter((item) => (!item.roles || can(...item.roles)) && (!item.levels || item.levels.includes(court.level)))
          .map((item) => (
            <NavLink
              key={item.label}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.6} />}
              rightSection={item.route.name === 'work' ? <UnreadNotesNavBadge /> : undefined}
              // A real link (the router follows the address), so Tab reaches it and a screen
              // reader announces it as one, with the current page marked.
              component="a"
              href={routeHref(item.route)}
              active={item.match.includes(route.name)}
              aria-current={item.match.includes(route.name) ? 'page' : undefined}
              variant="light"
              styles={{ label: { fontSize: 15, whiteSpace: 'nowrap' } }}
              mb={2}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <PageBoundary resetKeys={[JSON.stringify(route)]}>
          {route.name === 'board' && <CourtBoardPage />}
          {route.name === 'work' && <MyWorkPage />}
          {route.name === 'campaigns' && <CampaignList />}
          {route.name === 'campaign' && <CampaignTabs key={route.id} route={route} />}
          {route.name === 'lookbacks' && <LookbackPage />}
          {route.name === 'users' && <UsersPage />}
          {route.name === 'audit' && <AuditPage />}
          {route.name === 'settings' && <SettingsPage />}
          {route.name === 'sync' && <SyncPage tab={route.tab} />}
          {route.name === 'subordinates' && <SubordinatesPage />}
          {route.name === 'orders' && <OrdersPage />}
        </PageBoundary>
      </AppShell.Main>
    </AppShell>
  );
}

/** The logged-in user's name and roles; the menu changes the password or logs out. */
function UserMenu() {
  const { user, setUser, signOut } = useApp();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Menu position="bottom-end" width={180} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton c="white" px="xs" py={4} style={{ borderRadius: 4 }} data-testid="user-menu">
            <Group gap={8} wrap="nowrap">
              <IconUser size={16} />
              <Text size="sm" fw={500} data-testid="header-user">
                {user.displayName}
              </Text>
              <RoleBadges roles={user.roles} size="xs" variant="white" />
              <IconChevronDown size={14} />
            </Group>
            {/* Named by what it shows (the name and roles), then what it is. */}
            <VisuallyHidden>{t.userMenu}</VisuallyHidden>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.departmentName ? t.userOf(user.username, user.departmentName) : user.username}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChanging(true)}>
            {t.changePassword}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            // Whoever logs in next starts from their own first page (by role or choice), not this user's.
            onClick={() =>
              void signOut().then(() =>
                window.history.replaceState(null, '', window.location.pathname + window.location.search),
              )
            }
          >
            {t.signOut}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changing} onClose={() => setChanging(false)} onChanged={setUser} />
    </>
  );
}

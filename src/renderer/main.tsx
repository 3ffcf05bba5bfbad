import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/charts/styles.css';
import './app.css';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { ModalsProvider } from '@mantine/modals';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './api/queries';
import './lib/dates';
import { cssVariablesResolver, theme } from './theme';
import { App } from './App';
import { installSearchKey } from './common/searchKey';

installSearchKey();

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
    <QueryClientProvider client={queryClient}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <ModalsProvider>
          <Notifications position="bottom-left" limit={3} />
          <App />
        </ModalsProvider>
      </DatesProvider>
    </QueryClientProvider>
  </MantineProvider>,
);

// One page's safety net: a render error inside a page shows a Chinese message with 重新加载 in
// that page's place, while the navigation, the header and what the clerk typed elsewhere stay.
// Without it React unmounts the whole tree and the window goes blank.
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { resetAll } from '../api/queries';
import { commonText } from './text';

function PageFailed({ resetErrorBoundary }: FallbackProps) {
  return (
    <Stack maw={640} p="md" data-testid="page-failed">
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={commonText.pageFailedTitle}>
        <Text size="sm">{commonText.pageFailedBody}</Text>
      </Alert>
      <Group>
        <Button onClick={resetErrorBoundary} autoFocus>
          {commonText.reloadPage}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Wraps one page. `resetKeys` (the route) lets the clerk leave a broken page by navigating; the
 * 重新加载 button forgets the answers held, rereads the page's data and renders it again. The detail goes to the console,
 * which the Electron main process copies into its log.
 */
export function PageBoundary({ children, resetKeys }: { children: ReactNode; resetKeys: unknown[] }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          FallbackComponent={PageFailed}
          resetKeys={resetKeys}
          onReset={() => {
            reset();
            void resetAll();
          }}
          onError={(error, info) => console.error('[页面渲染失败]', error, info.componentStack)}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

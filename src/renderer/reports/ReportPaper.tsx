// The print preview: the report's own HTML in a frame drawn as a sheet of A4 paper on a grey desk,
// scaled down to fit the space. The frame is sandboxed without scripts (the report has none); it
// keeps the app's origin only so that 打印 can call its print() and the sheet can grow to the
// report's height.
import { forwardRef, useCallback, useImperativeHandle, useRef, useState } from 'react';
import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

const PX_PER_MM = 96 / 25.4;
/** The page margins of reportHtml's @page rule (2.5 cm top, 2 cm sides and bottom). */
const MARGIN_MM = { top: 25, side: 20, bottom: 20 };
const DESK_PADDING = 24;

export interface ReportPaperHandle {
  /** Opens the print dialog for the report alone; false when the frame is not ready. */
  print(): boolean;
}

export const ReportPaper = forwardRef<ReportPaperHandle, { html: string; landscape: boolean; title: string }>(
  function ReportPaper({ html, landscape, title }, ref) {
    const frame = useRef<HTMLIFrameElement>(null);
    const { ref: desk, width: deskWidth } = useElementSize();
    const [contentHeight, setContentHeight] = useState(600);

    useImperativeHandle(ref, () => ({
      print() {
        const target = frame.current?.contentWindow;
        if (!target) return false;
        target.focus();
        target.print();
        return true;
      },
    }));

    const measure = useCallback(() => {
      const doc = frame.current?.contentDocument;
      if (!doc?.documentElement) return;
      const update = () => setContentHeight(Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0));
      update();
      // The Song and FangSong faces may arrive after load and change the height.
      void doc.fonts?.ready.then(update);
    }, []);

    const paperWidth = (landscape ? 297 : 210) * PX_PER_MM;
    const innerWidth = paperWidth - 2 * MARGIN_MM.side * PX_PER_MM;
    const paperHeight = Math.max(
      contentHeight + (MARGIN_MM.top + MARGIN_MM.bottom) * PX_PER_MM,
      (landscape ? 210 : 297) * PX_PER_MM,
    );
    const scale = deskWidth > 0 ? Math.min(1, (deskWidth - 2 * DESK_PADDING) / paperWidth) : 1;

    return (
      <Box
        ref={desk}
        bg="gray.3"
        p={DESK_PADDING}
        style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}
        data-testid="report-desk"
      >
        <div style={{ width: paperWidth * scale, height: paperHeight * scale, margin: '0 auto' }}>
          <div
            style={{
              width: paperWidth,
              height: paperHeight,
              transform: `scale(${scale})`,
              transformOrigin: 'top left',
              background: '#fff',
              boxShadow: '0 2px 10px rgba(0, 0, 0, 0.25)',
              padding: `${MARGIN_MM.top}mm ${MARGIN_MM.side}mm ${MARGIN_MM.bottom}mm`,
              boxSizing: 'border-box',
            }}
            data-testid="report-paper"
            data-scale={scale.toFixed(3)}
          >
            <iframe
              ref={frame}
              title={title}
              srcDoc={html}
              sandbox="allow-same-origin allow-modals"
              onLoad={measure}
              style={{ width: innerWidth, height: contentHeight, border: 0, display: 'block', background: '#fff' }}
              data-testid="report-frame"
            />
          </div>
        </div>
      </Box>
    );
  },
);

// The application menu and the right-click menu, every label in Chinese (roles would otherwise
// show Electron's English defaults). No developer tools entry.
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { APP_VERSION } from '../app/version';
import { PRODUCT_NAME } from '../app/dataDir';

export function installApplicationMenu(dataDir: string): void {
  const about = (): void => {
    const win = BrowserWindow.getFocusedWindow();
    const options = {
      type: 'info' as const,
      title: '关于督导台',
      message: PRODUCT_NAME,
      detail: `版本 ${APP_VERSION}\n法院专项活动推进清单、问题查摆、整改台账与离线同步。\n\n数据文件夹：${dataDir}`,
      buttons: ['确定'],
      noLink: true,
    };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin'
      ? [
          {
            label: PRODUCT_NAME,
            submenu: [
              { label: '关于督导台', click: about },
              { type: 'separator' as const },
              { role: 'hide' as const, label: '隐藏督导台' },
              { role: 'quit' as const, label: '退出督导台' },
            ],
          },
        ]
      : []),
    { label: '文件', submenu: [{ role: 'quit', label: '退出', accelerator: 'CmdOrCtrl+Q' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭窗口' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于督导台', click: about }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: APP_VERSION });
}

/** Cut / copy / paste on right click, in Chinese, enabled as the page allows. */
export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const items: MenuItemConstructorOptions[] = [];
    if (params.isEditable) {
      items.push(
        { role: 'undo', label: '撤销', enabled: params.editFlags.canUndo },
        { role: 'redo', label: '重做', enabled: params.editFlags.canRedo },
        { type: 'separator' },
        { role: 'cut', label: '剪切', enabled: params.editFlags.canCut },
        { role: 'copy', label: '复制', enabled: params.editFlags.canCopy },
        { role: 'paste', label: '粘贴', enabled: params.editFlags.canPaste },
        { role: 'selectAll', label: '全选', enabled: params.editFlags.canSelectAll },
      );
    } else if (params.selectionText.trim()) {
      items.push({ role: 'copy', label: '复制' });
    }
    if (items.length)
      Menu.buildFromTemplate(items).popup({ window: BrowserWindow.fromWebContents(contents) ?? undefined });
  });
}

// UI preferences only (window bounds, last folder) in electron-store. Court data never goes here:
// it lives in the SQLite database alone. A damaged preferences file is simply started afresh, and
// if the file cannot be used at all the preferences live in memory for this session.
import Store from 'electron-store';
import { isRect, type Rect } from './windowState';
import type { AppLog } from '../logging/log';

interface UiPreferences {
  windowBounds?: Rect;
  windowMaximized: boolean;
  lastFolder: string;
}

export class Preferences {
  private readonly store: Store<UiPreferences> | null;
  private memory: UiPreferences = { windowMaximized: false, lastFolder: '' };

  constructor(private readonly log: AppLog) {
    let store: Store<UiPreferences> | null = null;
    try {
      store = new Store<UiPreferences>({
        name: 'ui-preferences',
        defaults: { windowMaximized: false, lastFolder: '' },
        clearInvalidConfig: true,
      });
      this.memory = { ...store.store };
    } catch (error) {
      this.log.warn('window preferences could not be read; kept in memory for this session', {}, error);
    }
    this.store = store;
  }

  private save(next: Partial<UiPreferences>): void {
    this.memory = { ...this.memory, ...next };
    try {
      this.store?.set(next);
    } catch (error) {
      this.log.warn('window preferences could not be saved', {}, error);
    }
  }

  windowBounds(): Rect | null {
    return isRect(this.memory.windowBounds) ? this.memory.windowBounds : null;
  }

  windowMaximized(): boolean {
    return this.memory.windowMaximized === true;
  }

  saveWindow(bounds: Rect, maximized: boolean): void {
    this.save({
      windowBounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height },
      windowMaximized: maximized,
    });
  }

  lastFolder(): string {
    return typeof this.memory.lastFolder === 'string' ? this.memory.lastFolder : '';
  }

  setLastFolder(folder: string): void {
    this.save({ lastFolder: folder });
  }
}

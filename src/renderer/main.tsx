import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>专项活动督导台</div>);

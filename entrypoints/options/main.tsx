import '@/lib/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@/components/I18nProvider';
import { App } from './App';
import '@/components/panel.css';
import './options.css';

const root = document.getElementById('root');
if (root === null) throw new Error('options: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

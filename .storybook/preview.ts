import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    lang: {
      description: 'Language',
      toolbar: { title: 'Lang', icon: 'globe', items: ['zh-CN', 'en'], dynamicTitle: true },
    },
  },
  initialGlobals: { lang: 'zh-CN' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = (context.globals.lang as string) ?? 'zh-CN';
      return story();
    },
  ],
};
export default preview;

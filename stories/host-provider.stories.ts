import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/host-provider/define.js';

const meta: Meta = {
  title: 'Elements/qys-host-provider',
  component: 'qys-host-provider',
  tags: ['autodocs'],
};
export default meta;

export const Normal: StoryObj = {
  render: () => html`<qys-host-provider><p>Elements placed here receive the host.</p></qys-host-provider>`,
};

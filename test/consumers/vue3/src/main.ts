import { createApp } from 'vue';
import 'qys-elements/all.js';
import App from './App.vue';

createApp(App).mount('#root');

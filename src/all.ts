/** Defines every element. Each define entry is also importable on its own: `qys-elements/<name>.js`. */
import './components/host-provider/define.js';

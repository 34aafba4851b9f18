import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/survey-core.fontless.min.css';
import { Survey } from 'survey-react-ui';
import survey from '../../../surveys/css-durable-skills.self.json';

/**
 * The bench's baseline for the self-assessment route: the same survey JSON rendered with
 * survey-react-ui, the same stylesheet as the app, and nothing else.
 */
const root = document.getElementById('root');
if (root) createRoot(root).render(<Survey model={new Model(survey)} />);

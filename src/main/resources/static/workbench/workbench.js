/*
 * The workbench page: picks a scenario or a pasted Bundle, calls the service's workbench API and
 * shows the cards as an EHR would, with the rules that fired and the facts they saw. Data from the
 * service is only ever put into the page as text (textContent), except a card's detail, which the
 * service renders from its Markdown with commonmark-java, raw HTML escaped and URLs sanitised
 * (workbench.CardMarkdown).
 */
(function () {
  'use strict';

  var INDICATORS = {
    info: { word: 'Info', icon: 'i' },
    warning: { word: 'Warning', icon: '!' },
    critical: { word: 'Critical', icon: '!' }
  };

  var form = byId('evaluate-form');
  var scenarioSelect = byId('scenario');
  var hookSelect = byId('hook');
  var asOfInput = byId('as-of');
  var bundleInput = byId('bundle');
  var evaluateButton = byId('evaluate');
  var scenarios = {};
  var lastFacts = [];

  function byId(id) {
    return document.getElementById(id);
  }

  /** Builds an element; children are nodes or strings (always inserted as text). */
  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'className') {
        node.className = attributes[name];
      } else if (name === 'text') {
        node.textContent = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child != null) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    }
    return node;
  }

  /** A link only for http(s) URLs: a "javascript:" URL in a card must not become clickable. */
  function link(label, url) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: label || url });
    }
    return el('span', { text: label || url || '' });
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function mode() {
    return byId('source-bundle').checked ? 'bundle' : 'scenario';
  }

  // ---- input ------------------------------------------------------------------------------

  function loadScenarios() {
    fetch('api/scenarios', { headers: { Accept: 'application/json' } })
      .then(answer)
      .then(function (list) {
        scenarioSelect.textContent = '';
        if (!list.length) {
          scenarioSelect.appendChild(el('option', { value: '', text: 'No scenarios in the rule set' }));
        }
        list.forEach(function (scenario) {
          scenarios[scenario.name] = scenario;
          scenarioSelect.appendChild(el('option', { value: scenario.name, text: scenario.name }));
        });
        scenarioChanged();
      })
      .catch(showError);
  }

  function scenarioChanged() {
    var scenario = scenarios[scenarioSelect.value];
    byId('scenario-title').textContent = scenario ? scenario.title : '';
    if (mode() === 'scenario') {
      useScenarioCall(scenario);
    }
  }

  /** A scenario brings its own hook and date: its expectations hold for those. */
  function useScenarioCall(scenario) {
    if (scenario && scenario.hook) {
      hookSelect.value = scenario.hook;
    }
    if (scenario && scenario.asOf) {
      asOfInput.value = scenario.asOf;
    }
  }

  function sourceChanged() {
    var bundleMode = mode() === 'bundle';
    byId('scenario-fields').hidden = bundleMode;
    byId('bundle-fields').hidden = !bundleMode;
    hookSelect.disabled = !bundleMode;
    asOfInput.disabled = !bundleMode;
    byId('call-hint').textContent = bundleMode
      ? ''
      : 'A scenario is evaluated with its own hook and date.';
    if (!bundleMode) {
      useScenarioCall(scenarios[scenarioSelect.value]);
    }
  }

  /** The scenario's resources and draft orders as a Bundle, to change and evaluate again. */
  function copyScenarioIntoEditor() {
    var name = scenarioSelect.value;
    if (!name) {
      return;
    }
    fetch('api/scenarios/' + encodeURIComponent(name), { headers: { Accept: 'application/json' } })
      .then(answer)
      .then(function (scenario) {
        var resources = (scenario.resources || []).concat(scenario.draftOrders || []);
        var bundle = {
          resourceType: 'Bundle',
          type: 'collection',
          entry: resources.map(function (resource) {
            return { resource: resource };
          })
        };
        bundleInput.value = JSON.stringify(bundle, null, 2);
        byId('source-bundle').checked = true;
        sourceChanged();
        useScenarioCall(scenarios[name]);
        bundleInput.focus();
      })
      .catch(showError);
  }

  function request() {
    if (mode() === 'scenario') {
      return { scenario: scenarioSelect.value };
    }
    return { hook: hookSelect.value, asOf: asOfInput.value.trim(), bundle: bundleInput.value };
  }

  function evaluate(event) {
    event.preventDefault();
    hideError();
    if (mode() === 'scenario' && !scenarioSelect.value) {
      showError(new Error('Pick a scenario first.'));
      return;
    }
    if (mode() === 'bundle' && !bundleInput.value.trim()) {
      showError(new Error('Paste a FHIR Bundle first.'));
      bundleInput.focus();
      return;
    }
    if (mode() === 'bundle' && !/^\d{4}-\d{2}-\d{2}$/.test(asOfInput.value.trim())) {
      showError(new Error('Write the date of the call as yyyy-mm-dd, for example 2026-06-01.'));
      asOfInput.focus();
      return;
    }
    evaluateButton.disabled = true;
    setStatus('Evaluating…');
    fetch('api/evaluate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request())
    })
      .then(answer)
      .then(function (result) {
        loadRulesStatus();
        render(result);
        setStatus(
          plural(result.cards.length, 'card') + ', ' +
            plural(result.firedRules.length, 'rule') + ' fired, ' +
            plural(result.facts.filter(function (f) { return !f.reference; }).length, 'fact') + ' (' + result.hook + ' on ' + result.asOf + ')'
        );
      })
      .catch(function (error) {
        // The results of an earlier call would read as the answer to this one.
        clearResults();
        setStatus('');
        showError(error);
      })
      .then(function () {
        evaluateButton.disabled = false;
      });
  }

  /** The JSON of a 2xx answer; otherwise an Error with the OperationOutcome's diagnostics. */
  function answer(response) {
    return response.text().then(function (text) {
      var body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch (e) {
        body = null;
      }
      if (response.ok) {
        return body;
      }
      var issue = body && body.issue && body.issue[0];
      throw new Error(
        'HTTP ' + response.status + ': ' + (issue && issue.diagnostics ? issue.diagnostics : 'the request failed')
      );
    });
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function setStatus(text) {
    byId('status').textContent = text;
  }

  function showError(error) {
    var box = byId('error');
    box.textContent = error && error.message ? error.message : String(error);
    box.hidden = false;
  }

  function hideError() {
    byId('error').hidden = true;
    byId('error').textContent = '';
  }

  // ---- results ----------------------------------------------------------------------------

  function render(result) {
    byId('ruleset-version').textContent = result.ruleSetVersion;
    byId('ruleset-version-footer').textContent = result.ruleSetVersion;
    renderScenarioCheck(result);
    renderNotes(result.notes || []);
    renderCards(result.cards, result.detailsHtml || []);
    renderRules(result.firedRules, result.retractedRules);
    lastFacts = result.facts;
    renderFacts();
  }

  function clearResults() {
    byId('scenario-check').hidden = true;
    renderNotes([]);
    renderRules([]);
    lastFacts = [];
    renderFacts();
    var cards = byId('cards');
    cards.textContent = '';
    cards.appendChild(el('p', { className: 'empty', text: 'No result: see the message under the Evaluate button.' }));
    ['card-count', 'rule-count', 'fact-count'].forEach(function (id) {
      byId(id).textContent = '';
    });
  }

  function renderScenarioCheck(result) {
    var box = byId('scenario-check');
    box.textContent = '';
    if (!result.scenario) {
      box.hidden = true;
      return;
    }
    var passed = result.failures.length === 0;
    box.className = 'scenario-check ' + (passed ? 'pass' : 'fail');
    box.appendChild(
      el(
        'p',
        { className: 'verdict' },
        el('span', { className: 'mark', 'aria-hidden': 'true', text: passed ? '✓' : '✗' }),
        el('strong', { className: 'verdict-word', text: passed ? 'PASS' : 'FAIL' }),
        ' Scenario ',
        el('code', { text: result.scenario.name }),
        passed ? ': the cards are the ones expected.' : ': the cards differ from the ones expected.'
      )
    );
    box.appendChild(el('p', { className: 'scenario-name', text: result.scenario.title }));
    if (!passed) {
      var failures = el('ul', { className: 'failures' });
      result.failures.forEach(function (failure) {
        failures.appendChild(el('li', { text: failure }));
      });
      box.appendChild(failures);
    }
    box.appendChild(expectedTable(result.expected));
    box.hidden = false;
  }

  function expectedTable(expected) {
    var table = el('table', { className: 'expected' });
    table.appendChild(el('caption', { text: 'Expected cards' }));
    table.appendChild(
      el('thead', null, el('tr', null,
        el('th', { scope: 'col', text: 'Topic' }),
        el('th', { scope: 'col', text: 'Indicator' }),
        el('th', { scope: 'col', text: 'Detail must contain' })))
    );
    var body = el('tbody');
    var topics = Object.keys(expected.cards);
    if (!topics.length) {
      body.appendChild(el('tr', null, el('td', { colspan: '3', text: 'No cards' })));
    }
    topics.forEach(function (topic) {
      var texts = (expected.detailContains || {})[topic] || [];
      body.appendChild(
        el('tr', null,
          el('td', null, el('code', { text: topic })),
          el('td', null, indicatorBadge(expected.cards[topic])),
          el('td', { text: texts.join(' · ') }))
      );
    });
    table.appendChild(body);
    return table;
  }

  function renderNotes(notes) {
    var list = byId('notes');
    list.textContent = '';
    notes.forEach(function (note) {
      list.appendChild(el('li', { text: note }));
    });
    list.hidden = notes.length === 0;
  }

  function renderCards(cards, detailsHtml) {
    var list = byId('cards');
    list.textContent = '';
    byId('card-count').textContent = '(' + cards.length + ')';
    if (!cards.length) {
      list.appendChild(el('p', { className: 'empty', text: 'No cards: the EHR shows nothing.' }));
      return;
    }
    cards.forEach(function (card, index) {
      list.appendChild(cardElement(card, index, detailsHtml[index]));
    });
  }

  function indicatorBadge(indicator) {
    var known = INDICATORS[indicator] || { word: indicator, icon: '?' };
    return el(
      'span',
      { className: 'indicator indicator-' + indicator },
      el('span', { className: 'indicator-icon', 'aria-hidden': 'true', text: known.icon }),
      el('span', { className: 'indicator-word', text: known.word })
    );
  }

  function cardElement(card, index, detailHtml) {
    var id = 'card-' + index;
    var topic = card.source && card.source.topic ? card.source.topic : {};
    var article = el('article', {
      className: 'cds-card ' + card.indicator,
      'data-topic': topic.code || '',
      'data-indicator': card.indicator,
      'aria-labelledby': id + '-summary'
    });
    article.appendChild(
      el('div', { className: 'card-header' },
        indicatorBadge(card.indicator),
        el('span', { className: 'card-topic', text: topic.display || topic.code || '' }))
    );
    article.appendChild(el('h3', { className: 'card-summary', id: id + '-summary', text: card.summary }));
    if (card.detail) {
      var detail = el('div', { className: 'card-detail' });
      detail.innerHTML = detailHtml || '';
      article.appendChild(detail);
    }
    if (card.suggestions && card.suggestions.length) {
      article.appendChild(suggestions(card, id));
    }
    if (card.overrideReasons && card.overrideReasons.length) {
      var reasons = el('ul', { className: 'override-list' });
      card.overrideReasons.forEach(function (reason) {
        reasons.appendChild(el('li', { text: reason.display || reason.code }));
      });
      article.appendChild(
        el('div', { className: 'override-reasons' },
          el('h4', { text: 'Override reasons offered' }), reasons)
      );
    }
    if (card.links && card.links.length) {
      var links = el('ul', { className: 'card-links' });
      card.links.forEach(function (l) {
        links.appendChild(el('li', null, link(l.label, l.url)));
      });
      article.appendChild(links);
    }
    if (card.source) {
      article.appendChild(
        el('p', { className: 'card-source' },
          'Source: ', link(card.source.label, card.source.url),
          topic.code ? el('span', { className: 'card-code', text: ' · ' + topic.code }) : null)
      );
    }
    return article;
  }

  function suggestions(card, id) {
    var box = el('div', { className: 'suggestions' });
    card.suggestions.forEach(function (suggestion, i) {
      var actionsId = id + '-suggestion-' + i;
      var actions = el('ul', { className: 'suggestion-actions', id: actionsId });
      (suggestion.actions || []).forEach(function (action) {
        actions.appendChild(
          el('li', null,
            el('span', { className: 'action-type', text: action.type }),
            ' ', action.description || '',
            action.resourceId ? el('code', { text: ' ' + action.resourceId }) : null,
            action.resource ? resourceJson(action.resource) : null)
        );
      });
      var button = el('button', {
        type: 'button',
        className: 'suggestion' + (suggestion.isRecommended ? ' recommended' : ''),
        'aria-describedby': actionsId,
        text: suggestion.label
      });
      button.addEventListener('click', function () {
        setStatus('Suggestion "' + suggestion.label + '" chosen: the EHR would now apply its actions.');
      });
      box.appendChild(el('div', { className: 'suggestion-row' }, button, actions));
    });
    return box;
  }

  /** The FHIR resource a create or update suggestion carries, folded: the author opens it. */
  function resourceJson(resource) {
    return el('details', { className: 'suggestion-resource' },
      el('summary', { text: (resource.resourceType || 'Resource') + ' (JSON)' }),
      el('pre', { text: JSON.stringify(resource, null, 2) }));
  }

  /** The rules in the order they fired; a rule whose card conclusion was retracted is marked. */
  function renderRules(rules, retracted) {
    var list = byId('fired-rules');
    list.textContent = '';
    byId('rule-count').textContent = '(' + rules.length + ')';
    rules.forEach(function (rule) {
      var gone = (retracted || []).indexOf(rule) >= 0;
      list.appendChild(
        el('li', gone ? { className: 'retracted' } : null, rule,
          gone ? el('span', { className: 'retracted-mark', text: ' (conclusion retracted)' }) : null)
      );
    });
  }

  /** The chart's facts in the facts table; the reference tables folded away below it. */
  function renderFacts() {
    var filter = byId('fact-filter').value.trim().toLowerCase();
    var matches = function (fact) {
      return !filter || fact.text.toLowerCase().indexOf(filter) >= 0;
    };
    var chart = lastFacts.filter(function (fact) { return !fact.reference; });
    var reference = lastFacts.filter(function (fact) { return fact.reference; });
    var shown = chart.filter(matches);
    byId('fact-count').textContent =
      '(' + (shown.length === chart.length ? chart.length : shown.length + ' of ' + chart.length) + ')';
    fillFacts(byId('facts'), shown);
    var shownReference = reference.filter(matches);
    byId('reference-count').textContent = '(' + shownReference.length + ')';
    fillFacts(byId('reference-facts'), shownReference);
  }

  function fillFacts(table, facts) {
    var body = table.querySelector('tbody');
    body.textContent = '';
    facts.forEach(function (fact) {
      body.appendChild(
        el('tr', null, el('th', { scope: 'row', text: fact.type }), el('td', null, factValues(fact)))
      );
    });
  }

  /** A fact's fields in words (the service writes them: ISO dates, yes/no), one line each. */
  function factValues(fact) {
    var list = el('dl', { className: 'fact-values' });
    (fact.fields || []).forEach(function (field) {
      if (field.name) {
        list.appendChild(el('dt', { text: field.name }));
      }
      list.appendChild(el('dd', { text: field.value }));
    });
    return list;
  }

  /** The banner: the rules watcher stopped, or the last change of the rules folder was refused. */
  function loadRulesStatus() {
    fetch('api/status', { headers: { Accept: 'application/json' } })
      .then(answer)
      .then(function (status) {
        var banner = byId('rules-banner');
        banner.textContent = status && status.problem ? status.problem : '';
        banner.hidden = !(status && status.problem);
      })
      .catch(function () {
        // The banner is a help; the page works without it.
      });
  }

  // ---- start ------------------------------------------------------------------------------

  asOfInput.value = today();
  form.addEventListener('submit', evaluate);
  scenarioSelect.addEventListener('change', scenarioChanged);
  byId('source-scenario').addEventListener('change', sourceChanged);
  byId('source-bundle').addEventListener('change', sourceChanged);
  byId('edit-as-bundle').addEventListener('click', copyScenarioIntoEditor);
  byId('fact-filter').addEventListener('input', renderFacts);
  sourceChanged();
  loadScenarios();
  loadRulesStatus();
})();

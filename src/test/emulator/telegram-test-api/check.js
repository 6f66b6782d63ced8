'use strict';
/*
 * Runs the real CareerBot jar against the telegram-test-api emulator (an npm package nobody here
 * wrote) and checks, as a Telegram user would, that the bot answers.
 *
 *   bot (java -jar careerbot.jar run) --> shim (127.0.0.1:SHIM) --> emulator (127.0.0.1:EMU)
 *   this script, as the user          ----------------------------> emulator client API
 *
 * The shim is a thin reverse proxy that only corrects where the emulator departs from the
 * documented Bot API (see README.md, "What the shim corrects"); it records every Bot API method
 * the bot called so the checks can see them. Everything stays on 127.0.0.1.
 *
 * Usage: node check.js --jar PATH [--knowledge PATH] [--keep DIR]
 * (run.sh installs the emulator outside the repository and calls this with NODE_PATH set).
 * Exit code 0 when every check passed, 1 otherwise.
 */
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const TelegramServer = require('telegram-test-api');

const HOST = '127.0.0.1';
const TOKEN = '987654321:CheckToken_' + Math.random().toString(36).slice(2, 12);
const REPLY_TIMEOUT_MS = 20000;
const QUIET_MS = 3000;
/** The semantic matcher's start on a busy two-core machine can take a minute or more. */
const START_MS = 180000;
/** Longer than the 5 s after which Node's HTTP server (the shim) closes an idle connection. */
const QUIET_GAP_MS = 7000;
const BURST = 300;

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (argv[i + 1] === undefined) {
      throw new Error(`missing value for --${key}`);
    }
    args[key] = argv[i + 1];
  }
  if (!args.jar) {
    throw new Error('usage: node check.js --jar target/careerbot.jar [--knowledge config/knowledge.yml]');
  }
  return args;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/* ---------------------------------------------------------------- the shim */

/** Bot API method name from a path like /bot<token>/sendmessage (the library sends it lower-cased). */
function methodOf(url) {
  const match = /^\/bot[^/]+\/([A-Za-z]+)/.exec(url);
  return match ? match[1].toLowerCase() : null;
}

/**
 * Corrects one emulator answer to what the Bot API documents. Returns the body to pass on.
 * Only fields the Bot API marks as required, or whose unit it fixes, are touched.
 */
function correct(method, body) {
  if (!body || body.ok !== true) {
    return body;
  }
  if (method === 'getme' && body.result && body.result.is_bot === undefined) {
    // User.is_bot is required by the Bot API; the emulator leaves it out.
    body.result.is_bot = true;
  }
  if (method === 'sendmessage' && body.result) {
    const sent = body.result;
    // Message.date is Unix time in seconds; the emulator gives milliseconds.
    if (typeof sent.date === 'number' && sent.date > 1e11) {
      sent.date = Math.floor(sent.date / 1000);
    }
  }
  return body;
}

function startShim(emulatorPort, calls) {
  const shim = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const method = methodOf(req.url);
      let request = null;
      try {
        request = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch (e) {
        request = { unparsed: raw.toString('utf8') };
      }
      const forward = http.request({
        host: HOST,
        port: emulatorPort,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `${HOST}:${emulatorPort}` },
      }, (upstream) => {
        const parts = [];
        upstream.on('data', (chunk) => parts.push(chunk));
        upstream.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let out = text;
          let parsed = null;
          try {
            parsed = JSON.parse(text);
            out = JSON.stringify(correct(method, parsed));
          } catch (e) {
            // not JSON: pass on unchanged
          }
          if (method) {
            calls.push({ method, request, status: upstream.statusCode, response: parsed });
          }
          const headers = { ...upstream.headers, 'content-length': Buffer.byteLength(out) };
          res.writeHead(upstream.statusCode, headers);
          res.end(out);
        });
      });
      forward.on('error', (e) => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 502, description: `shim: ${e.message}` }));
      });
      forward.end(raw);
    });
  });
  return new Promise((resolve) => shim.listen(0, HOST, () => resolve(shim)));
}

/* ------------------------------------------------------------ the checks */

const results = [];
let workDir = null;
let workToRemove = null; // the generated config and log, kept only when a check failed or --keep was given
function check(name, ok, detail) {
  results.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

/** The text a person sees: the HTML the bot sent, without tags and entities. */
function visible(html) {
  return String(html || '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Every bot message sent to chatId since `from` (index into the emulator's storage). */
function botMessagesTo(server, chatId, from) {
  return server.storage.botMessages
    .slice(from)
    .filter((m) => String(m.message.chat_id) === String(chatId));
}

async function waitForReply(server, chatId, from, timeoutMs = REPLY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = botMessagesTo(server, chatId, from);
    if (found.length > 0) {
      await sleep(300); // let the rest of a multi-part reply arrive
      return botMessagesTo(server, chatId, from);
    }
    await sleep(50);
  }
  return [];
}

async function waitFor(predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) {
      return true;
    }
    await sleep(50);
  }
  return predicate();
}

function inlineButtons(stored) {
  const markup = stored.message.reply_markup;
  if (!markup || !Array.isArray(markup.inline_keyboard)) {
    return [];
  }
  return markup.inline_keyboard.flat();
}

function replyTarget(request) {
  if (request.reply_parameters && request.reply_parameters.message_id !== undefined) {
    return Number(request.reply_parameters.message_id);
  }
  return request.reply_to_message_id === undefined ? null : Number(request.reply_to_message_id);
}

/**
 * `people` users (ids from `firstId`) each send `text` once, all at once; waits until each has an
 * answer or the time is up, then a little longer for duplicates. Counts chats answered exactly
 * once, not at all, and more than once.
 */
async function askOnce(server, firstId, people, text, timeoutMs) {
  const mark = server.storage.botMessages.length;
  const clients = [];
  for (let i = 0; i < people; i++) {
    clients.push(server.getClient(TOKEN, {
      userId: firstId + i, chatId: firstId + i, firstName: `Asker${i}`, userName: `asker${firstId + i}`,
    }));
  }
  await Promise.all(clients.map((client) => client.sendMessage(client.makeMessage(text))));
  const answers = () => clients.map((client, i) => botMessagesTo(server, firstId + i, mark).length);
  await waitFor(() => answers().every((count) => count > 0), timeoutMs);
  await sleep(2000);
  const counts = answers();
  return {
    people,
    once: counts.filter((count) => count === 1).length,
    none: counts.filter((count) => count === 0).length,
    more: counts.filter((count) => count > 1).length,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const jar = path.resolve(args.jar);
  if (!fs.existsSync(jar)) {
    throw new Error(`${jar} does not exist: build it first with mvn -q -B -o package -DskipTests`);
  }
  const knowledge = path.resolve(args.knowledge || path.join(path.dirname(jar), '..', 'config', 'knowledge.yml'));
  const work = args.keep ? path.resolve(args.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'careerbot-ttapi-'));
  workDir = work;
  workToRemove = args.keep ? null : work;
  fs.mkdirSync(work, { recursive: true });

  const emulatorPort = await freePort();
  const server = new TelegramServer({ port: emulatorPort, host: HOST, storeTimeout: 600 });
  await server.start();
  const calls = [];
  const shim = await startShim(emulatorPort, calls);
  const shimPort = shim.address().port;
  console.log(`emulator telegram-test-api on ${HOST}:${emulatorPort}, shim on ${HOST}:${shimPort}, work dir ${work}`);

  const config = path.join(work, 'careerbot.yml');
  fs.writeFileSync(config, [
    `knowledge_base: ${JSON.stringify(knowledge)}`,
    'adapters:',
    '  telegram:',
    '    enabled: true',
    '    token: ${TELEGRAM_TOKEN}',
    `    api_url: http://${HOST}:${shimPort}`,
    '    long_poll_seconds: 10',
    '    pacing: true',
    '  discord:',
    '    enabled: false',
    '',
  ].join('\n'));

  const logFile = path.join(work, 'bot.log');
  const log = fs.createWriteStream(logFile);
  const bot = spawn('java', ['-jar', jar, 'run', '--config', config], {
    env: { ...process.env, TELEGRAM_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let botOutput = '';
  let exitCode = null;
  const exited = new Promise((resolve) => bot.on('exit', (code, signal) => {
    exitCode = code === null ? signal : code;
    resolve();
  }));
  for (const stream of [bot.stdout, bot.stderr]) {
    stream.on('data', (chunk) => {
      botOutput += chunk.toString('utf8');
      log.write(chunk);
    });
  }

  try {
    const polling = await waitFor(() => calls.some((c) => c.method === 'getupdates') || exitCode !== null, START_MS);
    check('bot starts and long-polls the emulator', polling && exitCode === null,
      exitCode !== null ? `bot exited with ${exitCode}; see ${logFile}` : undefined);
    if (!polling || exitCode !== null) {
      return;
    }
    const started = calls.map((c) => c.method);
    console.log(`start-up calls: ${[...new Set(started)].join(', ')}`);

    // 1. A private question.
    const alice = server.getClient(TOKEN, { userId: 501, chatId: 501, firstName: 'Alice', userName: 'alice' });
    let mark = server.storage.botMessages.length;
    await alice.sendMessage(alice.makeMessage('what does an NLP engineer do'));
    const nlp = await waitForReply(server, 501, mark);
    const nlpText = nlp.map((m) => visible(m.message.text)).join('\n');
    check('private question is answered', /NLP engineer/i.test(nlpText) && /language/i.test(nlpText),
      nlp.length ? `"${nlpText.slice(0, 70).replace(/\n/g, ' ')}…"` : 'no reply');
    const sendCall = calls.find((c) => c.method === 'sendmessage' && String(c.request.chat_id) === '501');
    check('reply is sent as HTML', Boolean(sendCall && sendCall.request.parse_mode === 'HTML'));
    check('typing action was attempted', calls.some((c) => c.method === 'sendchataction'));
    const buttons = nlp.flatMap(inlineButtons);
    check('related topics come as inline buttons', buttons.length > 0 && buttons.every((b) => b.callback_data),
      buttons.map((b) => b.text).join(' | '));

    // 2. A command, with the bot_command entity Telegram always sends.
    mark = server.storage.botMessages.length;
    await alice.sendCommand(alice.makeCommand('/help'));
    const help = await waitForReply(server, 501, mark);
    const helpText = help.map((m) => visible(m.message.text)).join('\n');
    check('/help lists the commands', /\/help/.test(helpText) && /\/skills/.test(helpText),
      help.length ? undefined : 'no reply');

    // 3. A button press on the first answer.
    if (buttons.length > 0 && nlp.length > 0) {
      const pressedOn = nlp[nlp.length - 1];
      const button = buttons[0];
      mark = server.storage.botMessages.length;
      const before = calls.filter((c) => c.method === 'answercallbackquery').length;
      await alice.sendCallback(alice.makeCallbackQuery(button.callback_data, {
        message: {
          message_id: pressedOn.messageId,
          date: Math.floor(pressedOn.time / 1000),
          from: { id: 987654321, is_bot: true, first_name: 'Bot', username: 'TestNameBot' },
          text: visible(pressedOn.message.text).slice(0, 100),
        },
      }));
      const pressed = await waitForReply(server, 501, mark);
      const pressedText = pressed.map((m) => visible(m.message.text)).join('\n');
      check(`pressing "${button.text}" answers that topic`, pressed.length > 0 && pressedText.trim().length > 0,
        pressed.length ? `"${pressedText.slice(0, 70).replace(/\n/g, ' ')}…"` : 'no reply');
      const answered = await waitFor(
        () => calls.filter((c) => c.method === 'answercallbackquery').length > before, 5000);
      check('the callback query is answered', answered);
    } else {
      check('button press round trip', false, 'the first answer had no buttons to press');
    }

    // 4. A group: chatter is ignored, a mention is answered as a reply to the asker.
    const group = server.getClient(TOKEN, {
      userId: 502, chatId: -1001234, chatTitle: 'AI careers', firstName: 'Bob', userName: 'bob', type: 'group',
    });
    mark = server.storage.botMessages.length;
    await group.sendMessage(group.makeMessage('anyone here into computer vision?'));
    await sleep(QUIET_MS);
    check('group chatter without a mention gets no answer', botMessagesTo(server, -1001234, mark).length === 0);

    const me = calls.find((c) => c.method === 'getme');
    const username = me && me.response && me.response.result ? me.response.result.username : 'TestNameBot';
    const mentionText = `@${username} what skills does a data scientist need?`;
    await group.sendMessage(group.makeMessage(mentionText, {
      entities: [{ type: 'mention', offset: 0, length: username.length + 1 }],
    }));
    const asked = server.getUpdatesHistory(TOKEN).find((u) => u.message && u.message.text === mentionText);
    const askedId = asked ? asked.messageId : null;
    const inGroup = await waitForReply(server, -1001234, mark);
    const groupText = inGroup.map((m) => visible(m.message.text)).join('\n');
    check('group message that mentions the bot is answered', inGroup.length > 0 && /skill/i.test(groupText),
      inGroup.length ? `"${groupText.slice(0, 70).replace(/\n/g, ' ')}…"` : 'no reply');
    const groupSend = calls.find((c) => c.method === 'sendmessage' && String(c.request.chat_id) === '-1001234');
    check('the group answer replies to the asker\'s message',
      Boolean(groupSend) && askedId !== null && replyTarget(groupSend.request) === askedId,
      groupSend ? `reply to ${replyTarget(groupSend.request)}, asked as ${askedId}` : 'no send');

    mark = server.storage.botMessages.length;
    await group.sendCommand(group.makeCommand('/help@SomeOtherBot'));
    await sleep(QUIET_MS);
    check('/help@SomeOtherBot in a group gets no answer', botMessagesTo(server, -1001234, mark).length === 0);

    // 5. Every message answered once (each answer here fits one Telegram message).
    await sleep(1000);
    const perChat = {};
    for (const stored of server.storage.botMessages) {
      perChat[stored.message.chat_id] = (perChat[stored.message.chat_id] || 0) + 1;
    }
    check('each message is answered exactly once',
      perChat['501'] === 3 && perChat['-1001234'] === 1 && Object.keys(perChat).length === 2,
      `bot messages per chat ${JSON.stringify(perChat)}, expected {"501":3,"-1001234":1}`);

    // 6. A quiet spell longer than the 5 s after which the shim (Node's HTTP server) closes idle
    //    connections, then ten people at once: a send into a closed connection would be lost.
    await sleep(QUIET_GAP_MS);
    const quiet = await askOnce(server, 600, 10, 'what does an NLP engineer do', 30000);
    check(`after a ${QUIET_GAP_MS / 1000} s quiet spell, ${quiet.people} people asking at once are each answered once`,
      quiet.once === quiet.people, `${quiet.once}/${quiet.people} answered once, ${quiet.none} unanswered, `
        + `${quiet.more} answered more than once`);

    // 7. A burst: 300 people, one message each, as fast as the emulator takes them.
    const burst = await askOnce(server, 10000, BURST, 'what skills does a data scientist need?', 120000);
    check(`a burst of ${burst.people} messages is answered, each once`, burst.once === burst.people,
      `${burst.once}/${burst.people} answered once, ${burst.none} unanswered, ${burst.more} answered more than once`);
    check('no reply was lost (no "not delivered" in the log)', !/not delivered/.test(botOutput),
      (botOutput.split('\n').find((line) => /not delivered/.test(line)) || '').slice(0, 300));
  } finally {
    if (exitCode === null) {
      bot.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(20000).then(() => false)]);
      if (!stopped) {
        bot.kill('SIGKILL');
        await exited;
      }
      // The JVM ends with 143 (128 + SIGTERM) after its shutdown hooks ran; 0 is fine too.
      check('SIGTERM stops the bot cleanly',
        stopped && (exitCode === 0 || exitCode === 143) && /Telegram adapter stopped/.test(botOutput),
        `exit ${exitCode}`);
    }
    log.end();
    check('the token never appears in the bot\'s output', !botOutput.includes(TOKEN.split(':')[1]));
    const errors = botOutput.split('\n').filter((line) => / ERROR /.test(line));
    check('the bot logged no errors', errors.length === 0, errors.slice(0, 3).join(' / ').slice(0, 300));
    const methods = {};
    for (const call of calls) {
      const key = `${call.method} -> ${call.status}`;
      methods[key] = (methods[key] || 0) + 1;
    }
    console.log(`Bot API calls seen by the shim: ${JSON.stringify(methods)}`);
    shim.close();
    await server.stop();
  }
}

main()
  .catch((e) => {
    console.error(`check.js failed: ${e.stack || e}`);
    results.push({ name: 'script', ok: false });
  })
  .then(() => {
    const failed = results.filter((r) => !r.ok).length;
    if (failed === 0 && workToRemove) {
      fs.rmSync(workToRemove, { recursive: true, force: true });
    } else if (workDir) {
      console.log(`config and bot log kept in ${workDir}`);
    }
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exit(failed === 0 && results.length > 0 ? 0 : 1);
  });

-- Ticket desk data set generated inside PostgreSQL (generate_series + INSERT ... SELECT): no row crosses the wire.
-- Placeholders replaced by TicketLoader: {{TICKETS}} {{DAYS}} {{FIRST_NAMES}} {{LAST_NAMES}} {{AGENTS}} {{HEAVY}} {{HEAVY_MESSAGES}}.
-- Every choice comes from hashint8 of the ticket (and message) number, so the same rows on every run.
-- Section markers "-- @@ name" split the script into the steps TicketLoader times and runs.

-- @@ helpers
DROP SCHEMA IF EXISTS bench_work CASCADE;
CREATE SCHEMA bench_work;
CREATE FUNCTION bench_work.h(seed bigint) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT hashint8(seed) & 2147483647 $$;
CREATE FUNCTION bench_work.pick(words text[], seed bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT words[1 + (hashint8(seed) & 2147483647) % array_length(words, 1)] $$;
-- Ordered ids like the application's version 7 GUIDs: the number in the high bits, a hash in the low ones.
CREATE FUNCTION bench_work.oid7(n bigint, salt text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
$$ SELECT (lpad(to_hex(n), 12, '0') || '7' || substr(md5(salt || n), 1, 3) || '8' || substr(md5(salt || n), 4, 15))::uuid $$;
CREATE FUNCTION bench_work.ascii_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT regexp_replace(lower(unaccent(name)), '[^a-z]+', '-', 'g') $$;

-- @@ accounts and queues
INSERT INTO roles (id, name, normalized_name, concurrency_stamp)
SELECT md5('role' || r)::uuid, r, upper(r), md5('role-stamp' || r)
FROM unnest(ARRAY['Agent', 'Supervisor', 'StructureManager', 'Mandatary']) AS r
WHERE NOT EXISTS (SELECT 1 FROM roles WHERE normalized_name = upper(r));

-- {{AGENTS}} agents of the desk plus 4 supervisors, named like the registry's people.
INSERT INTO users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                   security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT md5('bench-agent' || i)::uuid, name, email, upper(email), email, upper(email), true, md5('stamp' || i), md5('cc' || i), false, false, true, 0
FROM (
    SELECT i, bench_work.pick({{FIRST_NAMES}}, 7000 + i) || ' ' || bench_work.pick({{LAST_NAMES}}, 8000 + i) AS name,
           CASE WHEN i <= {{AGENTS}} THEN 'agent' ELSE 'superviseur' END || lpad(i::text, 2, '0') || '@bench.cps-support.test' AS email
    FROM generate_series(1, {{AGENTS}} + 4) AS i
) a
ON CONFLICT (id) DO NOTHING;

INSERT INTO user_roles (user_id, role_id)
SELECT md5('bench-agent' || i)::uuid, (SELECT id FROM roles WHERE normalized_name = CASE WHEN i <= {{AGENTS}} THEN 'AGENT' ELSE 'SUPERVISOR' END)
FROM generate_series(1, {{AGENTS}} + 4) AS i
ON CONFLICT DO NOTHING;

INSERT INTO ticket_queues (id, name, sort_order)
SELECT md5('queue' || q.name)::uuid, q.name, q.ord
FROM (VALUES ('Accueil', 1), ('Niveau 2', 2), ('Commandes', 3), ('e-CPS', 4), ('Établissements', 5), ('Réclamations', 6)) AS q(name, ord)
WHERE NOT EXISTS (SELECT 1 FROM ticket_queues WHERE name = q.name);

INSERT INTO stored_files (sha256, length, content, created_at)
SELECT encode(sha256(convert_to('bench-file-' || i, 'UTF8')), 'hex'), 1024 * i, convert_to('bench-file-' || i, 'UTF8'), now()
FROM generate_series(1, 8) AS i
ON CONFLICT DO NOTHING;

-- @@ picks
-- Tickets are about a card (its holder, its structure) 85 % of the time; rn lets a hash pick one.
CREATE UNLOGGED TABLE bench_work.card_pick AS
SELECT row_number() OVER (ORDER BY c.serial_number) AS rn, c.id AS card_id, c.serial_number, c.holder_id, c.structure_id,
       p.first_name, p.last_name, p.email, p.phone, p.national_id
FROM cards c JOIN people p ON p.id = c.holder_id;
CREATE UNIQUE INDEX ON bench_work.card_pick (rn);
ANALYZE bench_work.card_pick;

CREATE UNLOGGED TABLE bench_work.agent_pick AS
SELECT row_number() OVER (ORDER BY u.email) AS rn, u.id, u.display_name
FROM users u WHERE u.email LIKE 'agent%@bench.cps-support.test';
CREATE UNIQUE INDEX ON bench_work.agent_pick (rn);

CREATE UNLOGGED TABLE bench_work.queue_pick AS SELECT id, name FROM ticket_queues;

-- @@ ticket rows
-- n = 1 is the oldest ticket, {{TICKETS}} the newest; creation spreads evenly over {{DAYS}} days up to yesterday,
-- between 7:00 and 18:00 UTC. State depends on age, as on a real desk: a small open backlog, old tickets closed, a
-- tail of forgotten ones still open. The {{HEAVY}} tickets with {{HEAVY_MESSAGES}} messages are long-running, open ones.
CREATE UNLOGGED TABLE bench_work.tb AS
WITH s AS (
    SELECT n,
           (({{TICKETS}} - n)::numeric * {{DAYS}} / {{TICKETS}}) AS back,
           bench_work.h(n * 32 + 1) % 1000 AS hs, bench_work.h(n * 32 + 2) % 100 AS hc, bench_work.h(n * 32 + 3) % 100 AS hch,
           bench_work.h(n * 32 + 4) % 100 AS hp, bench_work.h(n * 32 + 5) AS ha, bench_work.h(n * 32 + 6) AS hcard,
           bench_work.h(n * 32 + 7) % 100 AS hperson, bench_work.h(n * 32 + 8) % 100 AS hq, bench_work.h(n * 32 + 9) AS hm,
           bench_work.h(n * 32 + 10) % 1000 AS hmisc,
           n >= {{TICKETS}} - {{HEAVY}} * 997 AND ({{TICKETS}} - n) % 997 = 0 AND n <> {{TICKETS}} AS heavy
    FROM generate_series(1, {{TICKETS}}) AS n
), d AS (
    SELECT s.*, 1 + floor(back)::int AS age_days,
           date_trunc('day', now()) - make_interval(days => 1 + floor(back)::int)
               + make_interval(mins => 420 + floor((1 - (back - floor(back))) * 659)::int) AS created_at,
           CASE WHEN hc < 15 THEN 0 WHEN hc < 18 THEN 1 WHEN hc < 30 THEN 2 WHEN hc < 40 THEN 3 WHEN hc < 48 THEN 4
                WHEN hc < 60 THEN 5 WHEN hc < 66 THEN 6 WHEN hc < 70 THEN 7 WHEN hc < 75 THEN 8 WHEN hc < 78 THEN 9
                WHEN hc < 88 THEN 10 WHEN hc < 94 THEN 11 WHEN hc < 98 THEN 12 ELSE 13 END AS ci
    FROM s
), st AS (
    SELECT d.*,
           CASE WHEN heavy THEN 'InProgress'
                WHEN age_days > 60 THEN CASE WHEN hs < 993 THEN 'Closed' WHEN hs < 995 THEN 'Resolved' WHEN hs < 998 THEN 'WaitingForRequester' ELSE 'InProgress' END
                WHEN age_days > 7 THEN CASE WHEN hs < 700 THEN 'Closed' WHEN hs < 850 THEN 'Resolved' WHEN hs < 920 THEN 'WaitingForRequester'
                                            WHEN hs < 950 THEN 'WaitingForProduction' WHEN hs < 990 THEN 'InProgress' ELSE 'New' END
                ELSE CASE WHEN hs < 250 THEN 'New' WHEN hs < 550 THEN 'InProgress' WHEN hs < 700 THEN 'WaitingForRequester'
                          WHEN hs < 750 THEN 'WaitingForProduction' WHEN hs < 950 THEN 'Resolved' ELSE 'Closed' END
           END AS state,
           (ARRAY['Loss', 'Theft', 'Malfunction', 'CardNotReceived', 'CodesNotReceived', 'BlockedPin', 'ForgottenPin', 'DeliveryAddressChange',
                  'Mandataries', 'TechnicalAdministrators', 'CardOrder', 'ECpsActivation', 'ReaderSetup', 'Other'])[ci + 1] AS category,
           (ARRAY[24, 24, 72, 120, 72, 48, 48, 120, 120, 120, 240, 72, 72, 120])[ci + 1] AS sla_hours
    FROM d
)
SELECT n, bench_work.oid7(n, 't') AS id, heavy, ci, category, state, created_at, age_days, sla_hours,
       'CPS-' || extract(year FROM created_at)::int || '-' AS number_prefix,
       CASE WHEN hch < 45 THEN 'Phone' WHEN hch < 80 THEN 'Mail' WHEN hch < 95 THEN 'Portal' WHEN hch < 98 THEN 'Tom' ELSE 'Tops' END AS channel,
       CASE WHEN hp < 7 THEN 'Low' WHEN hp < 82 THEN 'Normal' WHEN hp < 97 THEN 'High' ELSE 'Urgent' END AS priority,
       CASE WHEN state = 'New' AND ha % 100 < 80 THEN NULL
            WHEN state IN ('Resolved', 'Closed') AND ha % 100 < 3 THEN NULL
            WHEN state NOT IN ('New', 'Resolved', 'Closed') AND ha % 100 < 5 THEN NULL
            ELSE 1 + (ha / 100) % {{AGENTS}} END AS agent_rn,
       CASE WHEN hperson < 85 THEN 1 + hcard % (SELECT count(*) FROM bench_work.card_pick) END AS card_rn,
       CASE WHEN category IN ('CardOrder', 'DeliveryAddressChange') THEN 'Commandes'
            WHEN category = 'ECpsActivation' THEN 'e-CPS'
            WHEN category IN ('TechnicalAdministrators', 'Mandataries') THEN 'Établissements'
            WHEN category = 'Other' AND hq < 30 THEN 'Réclamations'
            WHEN category IN ('Malfunction', 'ReaderSetup') AND hq < 50 THEN 'Niveau 2'
            WHEN hq < 10 THEN 'Niveau 2'
            ELSE 'Accueil' END AS queue_name,
       CASE WHEN heavy THEN {{HEAVY_MESSAGES}} WHEN state = 'New' THEN 1 ELSE 1 + hm % 5 END AS message_count,
       hm, hmisc
FROM st;
CREATE UNIQUE INDEX ON bench_work.tb (n);
ANALYZE bench_work.tb;

-- @@ tickets
INSERT INTO tickets (id, number, subject, channel, state, category, priority, person_id, structure_id, assignee_id, queue_id,
                     requester_name, requester_email, requester_phone, requester_capacity, tags,
                     first_response_due_at, first_responded_at, resolution_due_at, resolution_remaining, resolved_at, closed_at, escalated_at,
                     last_activity_at, merged_into_id, created_at, updated_at)
SELECT tb.id,
       tb.number_prefix || lpad((row_number() OVER (PARTITION BY tb.number_prefix ORDER BY tb.n))::text, 6, '0'),
       bench_work.pick(CASE tb.ci
           WHEN 0 THEN ARRAY['Perte de carte CPS', 'Carte CPS perdue', 'Déclaration de perte de ma carte', 'Perte carte CPE du cabinet', 'Carte égarée lors d''un déplacement']
           WHEN 1 THEN ARRAY['Vol de carte CPS', 'Carte volée avec mon portefeuille', 'Vol du sac professionnel : carte CPS', 'Déclaration de vol de carte']
           WHEN 2 THEN ARRAY['Carte illisible par le lecteur', 'Carte CPS défectueuse', 'Dysfonctionnement de la carte', 'La carte ne fonctionne plus', 'Puce de la carte endommagée']
           WHEN 3 THEN ARRAY['Carte non reçue', 'Je n''ai pas reçu ma nouvelle carte', 'Carte CPS jamais arrivée', 'Relance : carte commandée non reçue']
           WHEN 4 THEN ARRAY['Codes PIN non reçus', 'Pas reçu le courrier des codes', 'Codes de ma carte jamais arrivés', 'Codes porteur non reçus']
           WHEN 5 THEN ARRAY['Code PIN bloqué', 'Carte bloquée après trois essais', 'Déblocage de carte CPS', 'Carte verrouillée, code PUK demandé']
           WHEN 6 THEN ARRAY['Code PIN oublié', 'J''ai oublié mon code', 'Demande de réédition des codes', 'Oubli du code porteur']
           WHEN 7 THEN ARRAY['Changement d''adresse de livraison', 'Déménagement du cabinet', 'Nouvelle adresse pour l''envoi des cartes', 'Adresse de livraison erronée']
           WHEN 8 THEN ARRAY['Désignation d''un mandataire', 'Fin de mandat du mandataire', 'Mandataire de l''établissement', 'Délégation de gestion des cartes']
           WHEN 9 THEN ARRAY['Administrateur technique de l''établissement', 'Droits de l''administrateur technique', 'Nouvel administrateur technique']
           WHEN 10 THEN ARRAY['Commande de carte CPE', 'Commande de cartes pour le service', 'Renouvellement de carte', 'Commande d''une carte de remplacement']
           WHEN 11 THEN ARRAY['Activation e-CPS', 'e-CPS : code d''activation non reçu', 'Problème d''activation de l''application e-CPS', 'e-CPS sur nouveau téléphone']
           WHEN 12 THEN ARRAY['Installation du lecteur', 'Lecteur de carte non reconnu', 'Pilotes du lecteur sur Windows 11', 'Configuration du boîtier lecteur']
           ELSE ARRAY['Question sur mon dossier', 'Réclamation', 'Demande d''information', 'Attestation demandée', 'Question sur la facturation']
       END, tb.n * 32 + 11)
           || CASE WHEN cp.card_id IS NOT NULL AND tb.hmisc % 4 = 0 THEN ' – carte ' || cp.serial_number
                   WHEN cp.card_id IS NOT NULL AND tb.hmisc % 4 = 1 THEN ' – ' || cp.first_name || ' ' || upper(cp.last_name) ELSE '' END,
       tb.channel, tb.state, tb.category, tb.priority,
       cp.holder_id, cp.structure_id, ag.id, q.id,
       rq.name, rq.email,
       CASE WHEN tb.channel = 'Phone' THEN coalesce(cp.phone, '06' || lpad((tb.hm % 100000000)::text, 8, '0')) END,
       CASE WHEN tb.hmisc < 800 THEN 'Holder' WHEN tb.hmisc < 880 THEN 'Mandatary' WHEN tb.hmisc < 930 THEN 'StructureHead'
            WHEN tb.hmisc < 950 THEN 'Authority' ELSE 'Other' END,
       CASE WHEN tb.hmisc % 100 < 4 THEN ARRAY['rappel'] WHEN tb.hmisc % 100 < 6 THEN ARRAY['reclamation'] WHEN tb.hmisc % 100 < 7 THEN ARRAY['vip', 'rappel']
            ELSE ARRAY[]::text[] END,
       tb.created_at + CASE WHEN tb.priority = 'Urgent' THEN interval '2 hours' ELSE interval '8 hours' END,
       CASE WHEN tb.state <> 'New' THEN tb.created_at + make_interval(mins => 5 + tb.hm % 600) END,
       CASE WHEN tb.state IN ('New', 'InProgress', 'WaitingForProduction') THEN tb.created_at + make_interval(hours => tb.sla_hours) END,
       CASE WHEN tb.state = 'WaitingForRequester' THEN make_interval(hours => tb.hm % 24) END,
       CASE WHEN tb.state IN ('Resolved', 'Closed') THEN tb.created_at + make_interval(hours => 1 + tb.hm % 96) END,
       CASE WHEN tb.state = 'Closed' THEN tb.created_at + make_interval(hours => 1 + tb.hm % 96, days => 7) END,
       CASE WHEN tb.queue_name = 'Niveau 2' THEN tb.created_at + make_interval(hours => 2) END,
       least(now(), tb.created_at + make_interval(hours => (tb.message_count - 1) * (2 + tb.hm % 20))
           + CASE WHEN tb.state = 'Closed' THEN interval '7 days' ELSE interval '0' END),
       CASE WHEN tb.state = 'Closed' AND tb.hmisc = 999 AND tb.n > 1 THEN bench_work.oid7(tb.n - 1, 't') END,
       tb.created_at,
       least(now(), tb.created_at + make_interval(hours => (tb.message_count - 1) * (2 + tb.hm % 20))
           + CASE WHEN tb.state = 'Closed' THEN interval '7 days' ELSE interval '0' END)
FROM bench_work.tb tb
LEFT JOIN bench_work.card_pick cp ON cp.rn = tb.card_rn
LEFT JOIN bench_work.agent_pick ag ON ag.rn = tb.agent_rn
JOIN bench_work.queue_pick q ON q.name = tb.queue_name
CROSS JOIN LATERAL (
    SELECT coalesce(cp.first_name, bench_work.pick({{FIRST_NAMES}}, tb.n * 32 + 12)) AS first_name,
           coalesce(cp.last_name, bench_work.pick({{LAST_NAMES}}, tb.n * 32 + 13)) AS last_name
) nm
CROSS JOIN LATERAL (
    SELECT CASE WHEN tb.hmisc >= 800 AND tb.hmisc < 880 THEN 'Secrétariat ' || nm.last_name ELSE nm.first_name || ' ' || nm.last_name END AS name,
           CASE WHEN tb.channel IN ('Mail', 'Portal', 'Tom', 'Tops')
                THEN coalesce(cp.email, bench_work.ascii_name(nm.first_name) || '.' || bench_work.ascii_name(nm.last_name)
                    || CASE WHEN tb.hm % 3 = 0 THEN (tb.hm % 90 + 10)::text ELSE '' END || '@'
                    || bench_work.pick(ARRAY['orange.fr', 'gmail.com', 'wanadoo.fr', 'free.fr', 'laposte.net', 'cabinet-medical.fr', 'chu-exemple.fr'], tb.n * 32 + 14)) END AS email
) rq;

-- @@ ticket cards and events
INSERT INTO ticket_cards (ticket_id, card_id)
SELECT tb.id, cp.card_id FROM bench_work.tb tb JOIN bench_work.card_pick cp ON cp.rn = tb.card_rn
WHERE tb.ci IN (0, 1, 2, 3, 4, 5, 6, 7, 11) OR tb.hmisc % 3 = 0;

INSERT INTO ticket_events (ticket_id, kind, at, actor, from_state, to_state, text)
SELECT tb.id, 'Created', tb.created_at, coalesce(ag.display_name, 'Portail'), NULL, 'New', 'Ticket créé'
FROM bench_work.tb tb LEFT JOIN bench_work.agent_pick ag ON ag.rn = tb.agent_rn;

INSERT INTO ticket_events (ticket_id, kind, at, actor, from_state, to_state, text)
SELECT tb.id, 'StateChanged', tb.created_at + make_interval(hours => e * 6), ag.display_name,
       CASE WHEN e % 2 = 0 THEN 'WaitingForRequester' ELSE 'InProgress' END, CASE WHEN e % 2 = 0 THEN 'InProgress' ELSE 'WaitingForRequester' END,
       CASE WHEN e % 2 = 0 THEN 'État : En cours' ELSE 'État : En attente du demandeur' END
FROM bench_work.tb tb JOIN bench_work.agent_pick ag ON ag.rn = tb.agent_rn CROSS JOIN generate_series(1, 40) AS e
WHERE tb.heavy;

INSERT INTO audit_events (at, user_id, actor, entity_type, entity_id, action, changes)
SELECT tb.created_at + make_interval(hours => e * 5), ag.id, ag.display_name, 'Ticket', tb.id::text, 'Modified',
       jsonb_build_object('Subject', jsonb_build_object('old', 'Ancien sujet', 'new', 'Nouveau sujet'), 'UpdatedAt', jsonb_build_object('old', NULL, 'new', NULL))
FROM bench_work.tb tb JOIN bench_work.agent_pick ag ON ag.rn = tb.agent_rn CROSS JOIN generate_series(1, 10) AS e
WHERE tb.heavy;

-- @@ messages
-- Runs once per part (TicketLoader runs the parts on parallel connections): tickets with n % {{PARTS}} = {{PART}}.
-- Message k = 1 opens the ticket (mail, portal form or phone note), then replies alternate between the desk and the
-- requester, with internal notes among them; bodies mix desk vocabulary, names, card serials, national ids and e-mail addresses.
INSERT INTO ticket_messages (id, ticket_id, kind, body, author_name, author_user_id, created_at)
SELECT bench_work.oid7(tb.n * 256 + k, 'm'), tb.id, m.kind,
       CASE m.kind
       WHEN 'InternalNote' THEN bench_work.pick(ARRAY[
            'Vérifié dans le répertoire : ' || coalesce('RPPS ' || cp.national_id, 'pas d''identifiant national') || ', carte ' || coalesce(cp.serial_number, 'non identifiée') || '.',
            'Relance faite auprès de la production pour la carte ' || coalesce(cp.serial_number, '') || ', délai annoncé 5 jours ouvrés.',
            'Appel au secrétariat sans réponse, message laissé. À rappeler demain matin.',
            'Opposition enregistrée le ' || to_char(tb.created_at + make_interval(hours => k), 'DD/MM/YYYY') || ', nouvelle carte commandée.',
            'Le demandeur n''est pas le porteur : vérifier le mandat avant toute action.',
            'Codes renvoyés par courrier à l''adresse de correspondance. Ticket à clore si pas de retour.',
            'Escalade niveau 2 : erreur de lecture de la puce, le lecteur du cabinet est à jour.'], tb.n * 256 + k)
       WHEN 'PublicReply' THEN 'Bonjour ' || rq.name || E',\n\n' || bench_work.pick(CASE tb.ci
            WHEN 0 THEN ARRAY['Nous avons bien enregistré la déclaration de perte de votre carte. La carte a été mise en opposition et une nouvelle carte vous sera envoyée sous 10 jours.',
                              'Suite à la perte de votre carte CPS, merci de nous confirmer votre adresse de livraison pour l''envoi de la carte de remplacement.']
            WHEN 1 THEN ARRAY['La carte volée a été mise en opposition. Merci de nous transmettre le récépissé de dépôt de plainte.',
                              'Nous avons bien reçu votre déclaration de vol ; la nouvelle carte est commandée.']
            WHEN 2 THEN ARRAY['Pouvez-vous tester votre carte sur un autre lecteur ? Si le dysfonctionnement persiste, nous la remplacerons.',
                              'Votre carte défectueuse sera remplacée ; merci de nous retourner l''ancienne carte.']
            WHEN 3 THEN ARRAY['Votre carte a été expédiée le ' || to_char(tb.created_at - interval '9 days', 'DD/MM/YYYY') || ' à l''adresse de livraison de votre structure.',
                              'La carte n''a pas été reçue : nous lançons une enquête auprès du transporteur et une réédition si nécessaire.']
            WHEN 4 THEN ARRAY['Les codes sont envoyés séparément de la carte, sous 48 heures. Sans réception sous 10 jours, nous les rééditerons.',
                              'Nous avons demandé la réédition de vos codes porteur.']
            WHEN 5 THEN ARRAY['Votre carte est bloquée après trois saisies erronées du code PIN : utilisez le code PUK reçu avec vos codes pour la débloquer.',
                              'Le déblocage de la carte nécessite le code PUK ; s''il est perdu, une réédition des codes est possible.']
            WHEN 6 THEN ARRAY['En cas d''oubli du code PIN, une réédition des codes est nécessaire ; nous l''avons demandée.',
                              'Le code PIN ne peut pas être communiqué par téléphone ; un nouveau courrier de codes vous est envoyé.']
            WHEN 7 THEN ARRAY['L''adresse de livraison de la structure a été mise à jour.', 'Merci de nous indiquer la nouvelle adresse complète du cabinet.']
            WHEN 8 THEN ARRAY['Le mandataire est désigné par le responsable de la structure via le formulaire de délégation.', 'Le mandat a bien été enregistré.']
            WHEN 9 THEN ARRAY['Les droits d''administrateur technique ont été attribués.', 'Merci de nous transmettre le formulaire signé par le représentant légal.']
            WHEN 10 THEN ARRAY['Votre commande de carte a bien été prise en compte.', 'La commande de carte CPE nécessite le formulaire signé du responsable.']
            WHEN 11 THEN ARRAY['Pour activer votre e-CPS, utilisez le code d''activation reçu par courriel.', 'Nous avons réinitialisé l''activation de votre e-CPS.']
            WHEN 12 THEN ARRAY['Installez la dernière version de la Cryptolib CPS puis redémarrez le poste.', 'Le lecteur doit être branché directement sur le poste, sans concentrateur USB.']
            ELSE ARRAY['Nous avons bien reçu votre demande et revenons vers vous rapidement.', 'Votre demande a été transmise au service concerné.']
            END, tb.n * 256 + k) || E'\n\nBien cordialement,\n' || coalesce(ag.display_name, 'Le support CPS') || E'\nSupport CPS'
       ELSE CASE WHEN m.kind = 'PhoneNote' THEN 'Appel de ' || rq.name || ' : ' ELSE E'Bonjour,\n\n' END
            || bench_work.pick(CASE tb.ci
            WHEN 0 THEN ARRAY['J''ai perdu ma carte CPS hier, probablement au cabinet.', 'Je signale la perte de ma carte professionnelle.', 'Ma carte CPS est égarée depuis lundi, je ne peux plus télétransmettre.']
            WHEN 1 THEN ARRAY['On m''a volé ma carte CPS avec mon portefeuille.', 'Ma voiture a été fracturée et ma carte a été volée.', 'Je déclare le vol de ma carte.']
            WHEN 2 THEN ARRAY['Ma carte n''est plus lue par le lecteur depuis ce matin.', 'La carte affiche une erreur de puce.', 'Ma carte ne fonctionne plus, le logiciel indique carte absente.']
            WHEN 3 THEN ARRAY['Je n''ai toujours pas reçu ma nouvelle carte commandée il y a trois semaines.', 'La carte n''est jamais arrivée au cabinet.', 'Je n''ai pas reçu la carte de remplacement.']
            WHEN 4 THEN ARRAY['J''ai reçu la carte mais pas les codes.', 'Le courrier contenant mes codes n''est jamais arrivé.', 'Je n''ai pas reçu mes codes PIN.']
            WHEN 5 THEN ARRAY['Ma carte est bloquée, j''ai saisi trois fois un mauvais code.', 'Le logiciel indique carte bloquée.', 'Je n''ai pas le code PUK pour débloquer la carte.']
            WHEN 6 THEN ARRAY['J''ai oublié mon code PIN.', 'Je ne retrouve plus le courrier avec mon code.', 'Je ne me souviens plus de mon code porteur.']
            WHEN 7 THEN ARRAY['Nous avons déménagé, merci de changer l''adresse de livraison.', 'Le cabinet a changé d''adresse au 1er du mois.', 'L''adresse de livraison est fausse.']
            WHEN 8 THEN ARRAY['Je souhaite désigner un nouveau mandataire pour la structure.', 'Notre mandataire a quitté l''établissement.', 'Comment déléguer la gestion des cartes ?']
            WHEN 9 THEN ARRAY['Je suis le nouvel administrateur technique de l''établissement.', 'Je n''ai pas les droits d''administration.', 'Merci d''ajouter un administrateur technique.']
            WHEN 10 THEN ARRAY['Je souhaite commander une carte CPE pour ma secrétaire.', 'Merci de commander deux cartes pour le service.', 'Ma carte expire le mois prochain, comment la renouveler ?']
            WHEN 11 THEN ARRAY['Je n''arrive pas à activer mon e-CPS.', 'Le code d''activation e-CPS ne fonctionne pas.', 'J''ai changé de téléphone et l''e-CPS ne marche plus.']
            WHEN 12 THEN ARRAY['Le lecteur de carte n''est pas reconnu par le poste.', 'Après la mise à jour Windows le lecteur ne fonctionne plus.', 'Comment installer le lecteur sur un nouveau poste ?']
            ELSE ARRAY['J''ai une question sur mon dossier.', 'Je souhaite une attestation.', 'Je ne comprends pas le courrier reçu.']
            END, tb.n * 256 + k + 1)
            || CASE WHEN cp.serial_number IS NOT NULL AND (tb.hm + k) % 3 = 0 THEN ' Carte n° ' || cp.serial_number || '.' ELSE '' END
            || CASE WHEN cp.national_id IS NOT NULL AND (tb.hm + k) % 4 = 1 THEN ' Mon identifiant RPPS : ' || cp.national_id || '.' ELSE '' END
            || CASE WHEN k > 1 THEN ' ' || bench_work.pick(ARRAY['Merci de votre retour.', 'C''est urgent, je ne peux plus facturer.', 'Je reste joignable au cabinet.',
                                                               'Pouvez-vous me rappeler ?', 'Merci pour votre aide.', 'Toujours rien à ce jour.'], tb.n * 256 + k + 2) ELSE '' END
            || CASE WHEN m.kind = 'PhoneNote' THEN '' ELSE E'\n\nCordialement,\n' || rq.name || coalesce(E'\n' || tb_email.requester_email, '') END
       END,
       CASE WHEN m.kind IN ('IncomingMail') THEN rq.name ELSE coalesce(ag.display_name, 'Support CPS') END,
       CASE WHEN m.kind IN ('IncomingMail') THEN NULL ELSE ag.id END,
       CASE WHEN tb.heavy THEN tb.created_at + (now() - interval '1 hour' - tb.created_at) * (k - 1) / {{HEAVY_MESSAGES}}
            ELSE tb.created_at + make_interval(hours => (k - 1) * (2 + tb.hm % 20)) END
FROM bench_work.tb tb
CROSS JOIN LATERAL generate_series(1, tb.message_count) AS k
LEFT JOIN bench_work.card_pick cp ON cp.rn = tb.card_rn
LEFT JOIN bench_work.agent_pick ag ON ag.rn = tb.agent_rn
JOIN tickets tb_email ON tb_email.id = tb.id
CROSS JOIN LATERAL (SELECT coalesce(tb_email.requester_name, 'Demandeur') AS name) rq
CROSS JOIN LATERAL (
    SELECT CASE WHEN k = 1 THEN CASE WHEN tb.channel = 'Phone' THEN 'PhoneNote' ELSE 'IncomingMail' END
                WHEN bench_work.h(tb.n * 256 + k + 3) % 100 < 15 THEN 'InternalNote'
                WHEN k % 2 = 0 THEN 'PublicReply'
                WHEN tb.channel = 'Phone' THEN 'PhoneNote'
                ELSE 'IncomingMail' END AS kind
) m
WHERE tb.n % {{PARTS}} = {{PART}};

-- @@ attachments
-- A scan or photo on one incoming mail in 25 (and on every tenth message of the long tickets).
INSERT INTO attachments (id, message_id, file_name, content_type, size, sha256, created_at)
SELECT bench_work.oid7(row_number() OVER (), 'a'), m.id,
       bench_work.pick(ARRAY['scan-carte.pdf', 'photo-carte.jpg', 'recepisse-plainte.pdf', 'formulaire-signe.pdf', 'capture-erreur.png'], hashtext(m.id::text)),
       'application/pdf', 1024 * (1 + abs(hashtext(m.id::text)) % 8),
       encode(sha256(convert_to('bench-file-' || (1 + abs(hashtext(m.id::text)) % 8), 'UTF8')), 'hex'), m.created_at
FROM ticket_messages m
WHERE (m.kind = 'IncomingMail' AND abs(hashtext(m.id::text)) % 25 = 0)
   OR (m.ticket_id IN (SELECT id FROM bench_work.tb tb WHERE heavy) AND abs(hashtext(m.id::text)) % 10 = 0);

<?php
/**
 * Plugin Name: Editorial Workstation bridge
 * Description: Registers the post meta the Editorial Workstation publishes with (shown in the
 *   REST API), lets the workstation find its own posts by article id, and shows the audience
 *   notice and newsletter call to action in the theme. Install as a must-use plugin: copy this
 *   file to wp-content/mu-plugins/.
 * Version: 1.0
 * License: MIT
 */

if (!defined('ABSPATH')) {
    exit;
}

const EW_META_KEYS = array(
    'ew_article_id'  => 'The workstation article id (one post per article).',
    'ew_publish_key' => 'The key of the publish that made or last changed this post.',
    'ew_byline'      => 'Byline as the workstation writes it.',
    'ew_audience'    => 'Audience notice shown above the story.',
    'ew_newsletter'  => 'Newsletter call to action: "1" shows it under the story.',
);

add_action('init', function () {
    foreach (EW_META_KEYS as $key => $description) {
        register_post_meta('post', $key, array(
            'type'          => 'string',
            'description'   => $description,
            'single'        => true,
            'show_in_rest'  => true,
            'default'       => '',
            'auth_callback' => function () {
                return current_user_can('edit_posts');
            },
        ));
    }
});

// GET /wp/v2/posts?ew_article_id=ID&status=any finds the workstation's post for an article,
// whatever its slug has become (a retried create looks here first).
add_filter('rest_post_query', function ($args, $request) {
    $id = $request->get_param('ew_article_id');
    if (is_string($id) && $id !== '') {
        $args['meta_query'] = array(array('key' => 'ew_article_id', 'value' => $id));
    }
    return $args;
}, 10, 2);

add_filter('rest_post_collection_params', function ($params) {
    $params['ew_article_id'] = array(
        'description' => 'Only the post published from this workstation article.',
        'type'        => 'string',
    );
    return $params;
});

// The theme shows the audience notice before the story and the call to action after it.
add_filter('the_content', function ($content) {
    if (!in_the_loop() || !is_singular('post')) {
        return $content;
    }
    $id = get_the_ID();
    $audience = get_post_meta($id, 'ew_audience', true);
    $byline = get_post_meta($id, 'ew_byline', true);
    $before = ($audience !== ''
        ? '<p class="ew-audience">' . esc_html($audience) . '</p>' : '')
        . ($byline !== '' ? '<p class="ew-byline">' . esc_html($byline) . '</p>' : '');
    $after = get_post_meta($id, 'ew_newsletter', true) === '1'
        ? '<aside class="ew-newsletter">' . esc_html__('Sign up to our newsletter.') . '</aside>' : '';
    return $before . $content . $after;
});
